using CmBot.Domain.Brands;
using CmBot.Domain.Numbers;
using CmBot.Domain.Store;

namespace CmBot.Domain.Tests.Numbers;

/// <summary>Short ways to put metric samples in the store: "impressions on Instagram on 2026-11-16 was 120".</summary>
internal static class NumbersSeed
{
    public static void Sample(this CmBotDb db, int brandId, Network network, string metric, string day, double value)
    {
        db.MetricSamples.Add(new MetricSample { BrandId = brandId, Network = network, Metric = metric, Day = DateOnly.Parse(day), Value = value });
        db.SaveChanges();
    }

    /// <summary>Undoes the no-break spaces of French formatting so expectations read naturally.</summary>
    public static string Plain(this string text) => text.Replace('\u00A0', ' ');
}
