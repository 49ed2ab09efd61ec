using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CmBot.Domain.Cards;

internal sealed class CardPostConfiguration : IEntityTypeConfiguration<CardPost>
{
    public void Configure(EntityTypeBuilder<CardPost> post)
    {
        post.Property(p => p.CardKey).HasMaxLength(64);
        post.Property(p => p.Channel).HasMaxLength(16);
        post.Property(p => p.ConversationId).HasMaxLength(256);
        post.Property(p => p.ThreadId).HasMaxLength(256);
        post.Property(p => p.MessageId).HasMaxLength(256);
        post.HasIndex(p => p.CardKey);
        post.HasIndex(p => new { p.Channel, p.ConversationId, p.MessageId }).IsUnique();
    }
}
