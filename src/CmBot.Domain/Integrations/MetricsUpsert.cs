using CmBot.Domain.Numbers;
using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Integrations;

/// <summary>
/// Writes metric values on the (brand, day, network, metric) key: a new key is added, a known one takes the new
/// value, an equal one is left alone. Sending the same values again changes nothing.
/// </summary>
public static class MetricsUpsert
{
    public sealed record Outcome(int Inserted, int Updated, int Unchanged)
    {
        public static Outcome operator +(Outcome a, Outcome b) => new(a.Inserted + b.Inserted, a.Updated + b.Updated, a.Unchanged + b.Unchanged);
    }

    /// <summary>Stages the changes; the caller saves. When an input repeats a key, the last one wins.</summary>
    public static async Task<Outcome> ApplyAsync(CmBotDb db, int brandId, IReadOnlyCollection<MetricInput> inputs, CancellationToken cancellationToken)
    {
        if (inputs.Count == 0) return new(0, 0, 0);
        // The inputs' days only, not the span between them: an unsorted file's chunk may name days years apart.
        var days = inputs.Select(i => i.Day).Distinct().ToList();
        var existing = (await db.MetricSamples
                .Where(s => s.BrandId == brandId && days.Contains(s.Day))
                .ToListAsync(cancellationToken))
            .ToDictionary(s => (s.Day, s.Network, s.Metric));
        var wanted = inputs.GroupBy(i => (i.Day, i.Network, i.Metric)).Select(g => g.Last());
        int inserted = 0, updated = 0, unchanged = 0;
        foreach (var input in wanted)
        {
            if (existing.TryGetValue((input.Day, input.Network, input.Metric), out var sample))
            {
                if (sample.Value.Equals(input.Value)) { unchanged++; continue; }
                sample.Value = input.Value;
                updated++;
                continue;
            }
            db.MetricSamples.Add(new MetricSample { BrandId = brandId, Day = input.Day, Network = input.Network, Metric = input.Metric, Value = input.Value });
            inserted++;
        }
        return new(inserted, updated, unchanged);
    }
}
