using CmBot.Domain.Brands;

namespace CmBot.Domain.Comments;

/// <summary>A comment as a source hands it over (the REST API, a Meta webhook), before it is a <see cref="Comment"/>.</summary>
public sealed record IncomingComment(
    Network Network,
    string Author,
    string Text,
    string? Permalink,
    DateTimeOffset ReceivedAt,
    string? ExternalId = null,
    bool IsPrivate = false,
    bool NeedsReply = true);
