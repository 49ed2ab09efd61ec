using System.Globalization;
using CmBot.Domain.Common;
using Humanizer;
using Humanizer.Localisation;

namespace CmBot.Domain.Cards;

/// <summary>
/// Durations and relative times for state lines. English comes from Humanizer; its French pack is
/// not obtainable here, so French uses a small table of our own.
/// </summary>
public static class Phrasing
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static CultureInfo Culture(this Language language) => language == Language.Fr ? French : English;

    /// <summary>"12 minutes", "2 hours", "3 days"; under a minute reads as one minute.</summary>
    public static string Duration(TimeSpan span, Language language)
    {
        span = span.Duration();
        if (span < TimeSpan.FromMinutes(1)) span = TimeSpan.FromMinutes(1);
        if (language == Language.En)
            return span.Humanize(precision: 1, culture: English, minUnit: TimeUnit.Minute, maxUnit: TimeUnit.Week);
        var (count, singular, plural) = span switch
        {
            { TotalDays: >= 7 } => ((int)span.TotalDays / 7, "semaine", "semaines"),
            { TotalDays: >= 1 } => ((int)span.TotalDays, "jour", "jours"),
            { TotalHours: >= 1 } => ((int)span.TotalHours, "heure", "heures"),
            _ => ((int)span.TotalMinutes, "minute", "minutes"),
        };
        return $"{count} {(count > 1 ? plural : singular)}";
    }

    /// <summary>"2 minutes ago" / "il y a 2 minutes"; "just now" / "à l'instant" under a minute.</summary>
    public static string Ago(DateTimeOffset when, DateTimeOffset now, Language language) =>
        now - when < TimeSpan.FromMinutes(1)
            ? language.Pick("just now", "à l'instant")
            : language.Pick($"{Duration(now - when, language)} ago", $"il y a {Duration(now - when, language)}");

    /// <summary>"in 12 minutes" / "dans 12 minutes".</summary>
    public static string In(DateTimeOffset when, DateTimeOffset now, Language language) =>
        language.Pick($"in {Duration(when - now, language)}", $"dans {Duration(when - now, language)}");

    /// <summary>A local date and time in the brand's language: "Mon, Nov 23, 09:30" / "lun. 23 nov., 09:30".</summary>
    public static string LocalDateTime(DateTimeOffset local, Language language) =>
        local.ToString(language == Language.Fr ? "ddd d MMM, HH:mm" : "ddd, MMM d, HH:mm", language.Culture());
}
