namespace CmBot.Domain.Common;

/// <summary>A rule refused a move; the message is shown to the person who asked, as is.</summary>
public sealed class DomainException(string message) : Exception(message);
