using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CmBot.Domain.Brands;

internal sealed class BrandConfiguration : IEntityTypeConfiguration<Brand>
{
    public void Configure(EntityTypeBuilder<Brand> brand)
    {
        brand.Property(b => b.Name).HasMaxLength(100);
        brand.HasIndex(b => b.Name).IsUnique();
        brand.Property(b => b.TimeZoneId).HasMaxLength(64);
        brand.Property(b => b.AlertWords).AsJsonList();
        brand.HasMany(b => b.Networks).WithOne().HasForeignKey(n => n.BrandId);
        brand.HasMany(b => b.Members).WithOne().HasForeignKey(m => m.BrandId);
        brand.HasMany(b => b.Channels).WithOne().HasForeignKey(c => c.BrandId);
        brand.HasMany(b => b.Influencers).WithOne().HasForeignKey(i => i.BrandId);
        brand.HasMany(b => b.Profiles).WithOne().HasForeignKey(p => p.BrandId);
    }
}

internal sealed class NetworkTargetConfiguration : IEntityTypeConfiguration<NetworkTarget>
{
    public void Configure(EntityTypeBuilder<NetworkTarget> target)
    {
        target.ToTable("NetworkTargets");
        target.HasIndex(t => new { t.BrandId, t.Network }).IsUnique();
    }
}

internal sealed class BrandMemberConfiguration : IEntityTypeConfiguration<BrandMember>
{
    public void Configure(EntityTypeBuilder<BrandMember> member)
    {
        member.Property(m => m.UserId).HasMaxLength(128);
        member.Property(m => m.Name).HasMaxLength(200);
        member.HasIndex(m => new { m.BrandId, m.UserId }).IsUnique();
    }
}

internal sealed class BrandChannelConfiguration : IEntityTypeConfiguration<BrandChannel>
{
    public void Configure(EntityTypeBuilder<BrandChannel> channel)
    {
        channel.Property(c => c.Channel).HasMaxLength(16);
        channel.Property(c => c.ConversationId).HasMaxLength(256);
        // A conversation serves one brand; a brand may have several conversations.
        channel.HasIndex(c => new { c.Channel, c.ConversationId }).IsUnique();
    }
}

internal sealed class InfluencerConfiguration : IEntityTypeConfiguration<Influencer>
{
    public void Configure(EntityTypeBuilder<Influencer> influencer)
    {
        influencer.Property(i => i.Name).HasMaxLength(200);
        influencer.Property(i => i.Handle).HasMaxLength(200);
        influencer.HasIndex(i => new { i.BrandId, i.Handle }).IsUnique();
    }
}

internal sealed class SocialProfileConfiguration : IEntityTypeConfiguration<SocialProfile>
{
    public void Configure(EntityTypeBuilder<SocialProfile> profile)
    {
        profile.Property(p => p.Handle).HasMaxLength(200);
        profile.Property(p => p.Url).HasMaxLength(500);
        profile.Property(p => p.AboutReviewedBy).HasMaxLength(200);
        profile.HasIndex(p => new { p.BrandId, p.Network, p.Handle }).IsUnique();
    }
}
