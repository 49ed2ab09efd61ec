using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CmBot.Domain.Drafts;

internal sealed class DraftConfiguration : IEntityTypeConfiguration<Draft>
{
    public void Configure(EntityTypeBuilder<Draft> draft)
    {
        draft.Property(d => d.Networks).AsJsonList();
        draft.Property(d => d.Links).AsJsonList();
        draft.Property(d => d.Hashtags).AsJsonList();
        draft.Property(d => d.AuthorId).HasMaxLength(128);
        draft.Property(d => d.AuthorName).HasMaxLength(200);
        draft.Property(d => d.DecidedById).HasMaxLength(128);
        draft.Property(d => d.DecidedByName).HasMaxLength(200);
        draft.Property(d => d.Version).IsConcurrencyToken();
        draft.HasMany(d => d.Revisions).WithOne().HasForeignKey(r => r.DraftId);
        draft.BelongsToBrand();
        draft.HasIndex(d => new { d.BrandId, d.State });
        // The team numbers count approvals in a span.
        draft.HasIndex(d => new { d.BrandId, d.DecidedAt });
    }
}

internal sealed class DraftRevisionConfiguration : IEntityTypeConfiguration<DraftRevision>
{
    public void Configure(EntityTypeBuilder<DraftRevision> revision)
    {
        revision.Property(r => r.EditedById).HasMaxLength(128);
        revision.Property(r => r.EditedByName).HasMaxLength(200);
        revision.Property(r => r.NetworksBefore).AsJsonList();
        revision.Property(r => r.NetworksAfter).AsJsonList();
        revision.HasIndex(r => new { r.DraftId, r.Number }).IsUnique();
    }
}
