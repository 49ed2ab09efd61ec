namespace CmBot.Domain.Delivery;

public enum OutboxKind { Post, Update, Delete }
