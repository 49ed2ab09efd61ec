using CmBot.Domain.Brands;
using CmBot.Domain.Common;
using CmBot.Domain.Store;

namespace CmBot.Domain.Tests.Support;

/// <summary>Test-data builder for a brand with its team and its linked test conversation.</summary>
public sealed class BrandBuilder
{
    private readonly Brand brand;

    public BrandBuilder(string name = "Acme", DateTimeOffset? createdAt = null) =>
        brand = Brand.Create(name, createdAt ?? ManualClock.Default().GetUtcNow());

    public static readonly ChatUser Ana = new("u-ana", "Ana");
    public static readonly ChatUser Bob = new("u-bob", "Bob");
    public static readonly ChatUser Chloe = new("u-chloe", "Chloé");
    public static readonly ChatUser Outsider = new("u-zed", "Zed");

    public BrandBuilder InFrench() { brand.Language = Language.Fr; return this; }

    public BrandBuilder InZone(string timeZoneId) { brand.TimeZoneId = timeZoneId; return this; }

    public BrandBuilder WithReplyDeadline(int minutes) { brand.ReplyDeadlineMinutes = minutes; return this; }

    public BrandBuilder AuthorsMayApproveOwn() { brand.AuthorMayApproveOwn = true; return this; }

    public BrandBuilder AnyoneMayApprove() { brand.AnyoneMayApprove = true; return this; }

    public BrandBuilder WithApprover(ChatUser user) => WithMember(user, approver: true);

    public BrandBuilder WithAdmin(ChatUser user) => WithMember(user, admin: true);

    public BrandBuilder WithMember(ChatUser user, bool approver = false, bool admin = false, bool onDuty = false)
    {
        brand.Members.Add(new BrandMember { UserId = user.Id, Name = user.Name, IsApprover = approver, IsAdmin = admin, IsOnDuty = onDuty });
        return this;
    }

    public BrandBuilder LinkedTo(string channel, string conversationId)
    {
        brand.Channels.Add(new BrandChannel { Channel = channel, ConversationId = conversationId, LinkedAt = brand.CreatedAt });
        return this;
    }

    public BrandBuilder WithInfluencer(string name, string handle, DateTimeOffset? lastContactedAt = null)
    {
        brand.Influencers.Add(new Influencer { Name = name, Handle = handle, AddedAt = brand.CreatedAt, LastContactedAt = lastContactedAt });
        return this;
    }

    public BrandBuilder WithProfile(Network network, string handle)
    {
        brand.Profiles.Add(new SocialProfile { Network = network, Handle = handle });
        return this;
    }

    public Brand Build() => brand;

    /// <summary>Saves the brand and returns it with its id.</summary>
    public Brand SaveIn(CmBotDb db)
    {
        db.Brands.Add(brand);
        db.SaveChanges();
        return brand;
    }
}
