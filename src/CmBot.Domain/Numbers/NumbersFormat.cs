using System.Globalization;
using CmBot.Domain.Cards;
using CmBot.Domain.Common;

namespace CmBot.Domain.Numbers;

/// <summary>
/// Numbers as the brand reads them: "1,234" and "12.5%" in English, "1 234" and "12,5 %" in French. French
/// spaces are no-break spaces (U+00A0) whatever the machine's ICU prefers, so a number never wraps in two
/// and a card reads the same on every host.
/// </summary>
public static class NumbersFormat
{
    private const string Space = "\u00A0";
    private static readonly NumberFormatInfo French = FrenchNumbers();

    public static NumberFormatInfo Numbers(Language language) =>
        language == Language.Fr ? French : language.Culture().NumberFormat;

    /// <summary>Whole numbers without decimals, others with one.</summary>
    public static string Number(double value, Language language) =>
        value.ToString(Math.Abs(value - Math.Round(value)) < 0.05 ? "N0" : "N1", Numbers(language));

    /// <summary>"12.5%" / "12,5 %"; <paramref name="signed"/> adds "+" to a rise.</summary>
    public static string Percent(double percent, Language language, bool signed = false)
    {
        var text = Math.Abs(percent).ToString("0.#", Numbers(language));
        var sign = percent < 0 ? "−" : signed && percent > 0 ? "+" : "";
        return sign + text + (language == Language.Fr ? Space + "%" : "%");
    }

    /// <summary>"1,234 · ▲ 120 (+10.8%)"; "—" for a metric with no sample in the span.</summary>
    public static string Comparison(MetricComparison metric, Language language) =>
        metric.Current is { } current ? $"{Number(current, language)} · {Delta(metric, language)}" : "—";

    public static string Delta(MetricComparison metric, Language language)
    {
        if (metric.Delta is not { } delta) return language.Pick("new", "nouveau");
        if (Math.Abs(delta) < 0.05) return "= " + language.Pick("no change", "stable");
        var arrow = delta > 0 ? "▲" : "▼";
        var percent = metric.Percent is { } p ? $" ({Percent(p, language, signed: true)})" : "";
        return $"{arrow} {Number(Math.Abs(delta), language)}{percent}";
    }

    /// <summary>A compact duration for medians: "45 min", "1 h 30 min", "2 d 3 h" / "2 j 3 h".</summary>
    public static string Duration(TimeSpan? span, Language language)
    {
        if (span is not { } value) return "—";
        var minutes = (int)Math.Round(value.Duration().TotalMinutes);
        var (days, hours, rest) = (minutes / 1440, minutes / 60 % 24, minutes % 60);
        if (days > 0) return $"{days}{Space}{language.Pick("d", "j")}" + (hours > 0 ? $" {hours}{Space}h" : "");
        if (hours > 0) return $"{hours}{Space}h" + (rest > 0 ? $" {rest}{Space}min" : "");
        return $"{rest}{Space}min";
    }

    private static NumberFormatInfo FrenchNumbers()
    {
        var format = (NumberFormatInfo)Language.Fr.Culture().NumberFormat.Clone();
        format.NumberGroupSeparator = Space;
        format.NegativeSign = "−";
        return NumberFormatInfo.ReadOnly(format);
    }
}
