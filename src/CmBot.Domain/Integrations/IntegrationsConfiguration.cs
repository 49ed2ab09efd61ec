using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CmBot.Domain.Integrations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> key)
    {
        key.Property(k => k.Name).HasMaxLength(64);
        key.Property(k => k.Prefix).HasMaxLength(16);
        key.Property(k => k.SecretHash).HasMaxLength(64);
        key.Property(k => k.CreatedById).HasMaxLength(128);
        key.Property(k => k.CreatedByName).HasMaxLength(200);
        key.BelongsToBrand();
        // A request finds its key by prefix alone.
        key.HasIndex(k => k.Prefix).IsUnique();
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> record)
    {
        record.Property(r => r.Key).HasMaxLength(200);
        record.Property(r => r.RequestHash).HasMaxLength(64);
        record.Property(r => r.ContentType).HasMaxLength(100);
        record.Property(r => r.Location).HasMaxLength(300);
        record.BelongsToBrand();
        // Keys are the client's: two brands may pick the same one.
        record.HasIndex(r => new { r.BrandId, r.Key }).IsUnique();
        record.HasIndex(r => r.CreatedAt);
    }
}

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> subscription)
    {
        subscription.Property(s => s.Url).HasMaxLength(1000);
        subscription.Property(s => s.EncryptedSecret).HasMaxLength(2000);
        subscription.Property(s => s.CreatedById).HasMaxLength(128);
        subscription.BelongsToBrand();
        subscription.HasIndex(s => new { s.BrandId, s.DisabledAt });
    }
}

internal sealed class MetaAccountConfiguration : IEntityTypeConfiguration<MetaAccount>
{
    public void Configure(EntityTypeBuilder<MetaAccount> account)
    {
        account.Property(a => a.AccountId).HasMaxLength(64);
        account.BelongsToBrand();
        // One Page or Instagram account belongs to one brand.
        account.HasIndex(a => new { a.Network, a.AccountId }).IsUnique();
    }
}
