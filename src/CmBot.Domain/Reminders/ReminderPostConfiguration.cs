using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CmBot.Domain.Reminders;

internal sealed class ReminderPostConfiguration : IEntityTypeConfiguration<ReminderPost>
{
    public void Configure(EntityTypeBuilder<ReminderPost> post)
    {
        post.ToTable("ReminderPosts");
        post.Property(p => p.Key).HasMaxLength(100);
        post.BelongsToBrand();
        // The idempotency of the reminder jobs rests on this index.
        post.HasIndex(p => new { p.BrandId, p.Key }).IsUnique();
    }
}
