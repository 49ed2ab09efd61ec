namespace CmBot.Slack;

/// <summary>A signed body that does not have the shape Slack documents: answered 400 with this short reason.</summary>
public sealed class SlackPayloadException(string reason) : Exception(reason);
