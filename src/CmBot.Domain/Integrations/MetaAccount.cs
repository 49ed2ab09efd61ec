using CmBot.Domain.Brands;

namespace CmBot.Domain.Integrations;

/// <summary>
/// A Facebook Page or Instagram professional account of a brand, by Meta's id: a webhook delivery names the
/// account (entry.id), and this says whose comments they are.
/// </summary>
public sealed class MetaAccount
{
    public int Id { get; set; }
    public int BrandId { get; set; }
    public Network Network { get; set; }
    public required string AccountId { get; set; }
    public DateTimeOffset LinkedAt { get; set; }
}
