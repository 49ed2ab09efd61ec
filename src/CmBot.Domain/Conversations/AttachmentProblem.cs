namespace CmBot.Domain.Conversations;

/// <summary>Why an attached file could not be read.</summary>
public enum AttachmentProblem
{
    /// <summary>Larger than the import accepts.</summary>
    TooLarge,

    /// <summary>Its address is not one we fetch from (not the platform's file host, not https).</summary>
    NotAllowed,

    /// <summary>The platform did not hand it over: expired link, missing permission (Slack's files:read), network.</summary>
    Unavailable,
}
