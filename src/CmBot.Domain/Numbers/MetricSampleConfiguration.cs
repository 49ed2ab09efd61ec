using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CmBot.Domain.Numbers;

internal sealed class MetricSampleConfiguration : IEntityTypeConfiguration<MetricSample>
{
    public void Configure(EntityTypeBuilder<MetricSample> sample)
    {
        sample.Property(s => s.Metric).HasMaxLength(64);
        // One value per brand, network, day and metric: a re-import overwrites instead of adding up.
        sample.BelongsToBrand();
        sample.HasIndex(s => new { s.BrandId, s.Day, s.Network, s.Metric }).IsUnique();
        // The same with the value: "numbers" sums a span's samples from the index alone.
        sample.HasIndex(s => new { s.BrandId, s.Day, s.Network, s.Metric, s.Value }).HasDatabaseName("IX_MetricSamples_BrandId_Day_Covering");
    }
}
