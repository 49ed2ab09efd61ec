using CmBot.Domain.Brands;
using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CmBot.Domain.Routines;

internal sealed class RoutineConfiguration : IEntityTypeConfiguration<Routine>
{
    public void Configure(EntityTypeBuilder<Routine> routine)
    {
        routine.BelongsToBrand();
        routine.HasIndex(r => new { r.BrandId, r.Kind }).IsUnique();
        routine.HasMany(r => r.Occurrences).WithOne().HasForeignKey(o => o.RoutineId);
    }
}

internal sealed class RoutineOccurrenceConfiguration : IEntityTypeConfiguration<RoutineOccurrence>
{
    public void Configure(EntityTypeBuilder<RoutineOccurrence> occurrence)
    {
        occurrence.Property(o => o.Period).HasMaxLength(16);
        occurrence.Property(o => o.DoneById).HasMaxLength(128);
        occurrence.Property(o => o.DoneByName).HasMaxLength(200);
        occurrence.Property(o => o.SnoozedById).HasMaxLength(128);
        occurrence.Property(o => o.SnoozedByName).HasMaxLength(200);
        occurrence.Property(o => o.Version).IsConcurrencyToken();
        // One occurrence per routine and period: a job that fires twice finds the first.
        occurrence.HasIndex(o => new { o.RoutineId, o.Period }).IsUnique();
        occurrence.HasIndex(o => new { o.BrandId, o.DueAt });
    }
}

internal sealed class InfluencerContactConfiguration : IEntityTypeConfiguration<InfluencerContact>
{
    public void Configure(EntityTypeBuilder<InfluencerContact> contact)
    {
        contact.Property(c => c.ById).HasMaxLength(128);
        contact.Property(c => c.ByName).HasMaxLength(200);
        contact.BelongsToBrand();
        contact.HasOne<Influencer>().WithMany().HasForeignKey(c => c.InfluencerId).OnDelete(DeleteBehavior.Cascade);
        contact.HasIndex(c => new { c.BrandId, c.ContactedAt });
    }
}
