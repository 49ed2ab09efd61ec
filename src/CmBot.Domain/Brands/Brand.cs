using CmBot.Domain.Common;

namespace CmBot.Domain.Brands;

/// <summary>A client account: its clock, its language, its team, its channels and its targets.</summary>
public sealed class Brand
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string TimeZoneId { get; set; } = "Europe/Paris";
    public Language Language { get; set; } = Language.En;
    public int ReplyDeadlineMinutes { get; set; } = 60;
    public DayOfWeek SyncDay { get; set; } = DayOfWeek.Monday;
    public TimeOnly SyncTime { get; set; } = new(9, 30);
    /// <summary>Anyone in a linked channel may approve (the demo brand in development).</summary>
    public bool AnyoneMayApprove { get; set; }
    public bool AuthorMayApproveOwn { get; set; }
    /// <summary>Words that make a comment urgent; defaults from <see cref="BrandDefaults.AlertWords"/>.</summary>
    public List<string> AlertWords { get; set; } = [.. BrandDefaults.AlertWords];
    public DateTimeOffset CreatedAt { get; set; }

    public List<NetworkTarget> Networks { get; set; } = [];
    public List<BrandMember> Members { get; set; } = [];
    public List<BrandChannel> Channels { get; set; } = [];
    public List<Influencer> Influencers { get; set; } = [];
    public List<SocialProfile> Profiles { get; set; } = [];

    public BrandTime Time(TimeProvider clock) => BrandTime.For(TimeZoneId, clock);

    public TimeSpan ReplyDeadline => TimeSpan.FromMinutes(ReplyDeadlineMinutes);

    public BrandMember? Member(string userId) => Members.FirstOrDefault(m => m.UserId == userId);

    public bool IsApprover(string userId) => AnyoneMayApprove || Member(userId)?.IsApprover == true;

    public bool IsAdmin(string userId) => Member(userId)?.IsAdmin == true;

    public static Brand Create(string name, DateTimeOffset now, Language language = Language.En, string timeZoneId = "Europe/Paris") =>
        new()
        {
            Name = name,
            Language = language,
            TimeZoneId = timeZoneId,
            CreatedAt = now,
            Networks = BrandDefaults.NetworkTargets(),
        };
}
