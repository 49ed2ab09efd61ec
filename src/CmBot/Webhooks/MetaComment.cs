using CmBot.Domain.Brands;
using CmBot.Domain.Comments;

namespace CmBot.Webhooks;

/// <summary>A comment or message found in a Meta delivery, with the Page or Instagram account it was made to.</summary>
public sealed record MetaComment(Network Network, string AccountId, IncomingComment Comment);
