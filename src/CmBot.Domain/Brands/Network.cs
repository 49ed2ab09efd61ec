namespace CmBot.Domain.Brands;

public enum Network { Facebook, X, Instagram, Pinterest, LinkedIn, Snapchat }
