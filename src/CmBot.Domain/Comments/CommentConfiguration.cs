using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CmBot.Domain.Comments;

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> comment)
    {
        comment.Property(c => c.ExternalId).HasMaxLength(200);
        comment.Property(c => c.Author).HasMaxLength(200);
        comment.Property(c => c.Permalink).HasMaxLength(1000);
        comment.Property(c => c.AssignedToId).HasMaxLength(128);
        comment.Property(c => c.AssignedToName).HasMaxLength(200);
        comment.Property(c => c.HandledById).HasMaxLength(128);
        comment.Property(c => c.HandledByName).HasMaxLength(200);
        comment.Property(c => c.Version).IsConcurrencyToken();
        comment.BelongsToBrand();
        comment.HasIndex(c => new { c.BrandId, c.Network, c.ExternalId }).IsUnique();
        comment.HasIndex(c => new { c.BrandId, c.State, c.DeadlineAt });
        // Covers the comment side of the team's numbers (counts, median reply time) for a span of ReceivedAt.
        comment.HasIndex(c => new { c.BrandId, c.ReceivedAt, c.NeedsReply, c.State, c.DeadlineAt, c.HandledAt })
            .HasDatabaseName("IX_Comments_BrandId_ReceivedAt_Covering");
    }
}
