using CmBot.Domain.Agenda;
using CmBot.Domain.Brands;
using CmBot.Domain.Cards;
using CmBot.Domain.Channels;
using CmBot.Domain.Comments;
using CmBot.Domain.Conversations;
using CmBot.Domain.Delivery;
using CmBot.Domain.Drafts;
using CmBot.Domain.Inbox;
using CmBot.Domain.Integrations;
using CmBot.Domain.Numbers;
using CmBot.Domain.Routines;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Store;

/// <summary>The store behind the conversations. Each feature folder maps its own entities.</summary>
public sealed class CmBotDb(DbContextOptions<CmBotDb> options) : DbContext(options)
{
    public DbSet<Brand> Brands => Set<Brand>();
    public DbSet<BrandMember> BrandMembers => Set<BrandMember>();
    public DbSet<BrandChannel> BrandChannels => Set<BrandChannel>();
    public DbSet<Influencer> Influencers => Set<Influencer>();
    public DbSet<SocialProfile> SocialProfiles => Set<SocialProfile>();
    public DbSet<Draft> Drafts => Set<Draft>();
    public DbSet<DraftRevision> DraftRevisions => Set<DraftRevision>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<MetricSample> MetricSamples => Set<MetricSample>();
    public DbSet<Routine> Routines => Set<Routine>();
    public DbSet<RoutineOccurrence> RoutineOccurrences => Set<RoutineOccurrence>();
    public DbSet<InfluencerContact> InfluencerContacts => Set<InfluencerContact>();
    public DbSet<CardPost> CardPosts => Set<CardPost>();
    public DbSet<DialogState> DialogStates => Set<DialogState>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboundDelivery> InboundDeliveries => Set<InboundDelivery>();
    public DbSet<InboxEntry> InboxEntries => Set<InboxEntry>();
    public DbSet<ChannelConversation> ChannelConversations => Set<ChannelConversation>();
    public DbSet<WorkspaceInstallation> WorkspaceInstallations => Set<WorkspaceInstallation>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();
    public DbSet<MetaAccount> MetaAccounts => Set<MetaAccount>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CmBotDb).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        configuration.Properties<DateTimeOffset>().HaveConversion<StoreConversions.UtcMilliseconds>();
        // Enums are stored by name: readable in the database and safe against reordering.
        configuration.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }
}
