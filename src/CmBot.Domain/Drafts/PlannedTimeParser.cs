using System.Globalization;
using System.Text.RegularExpressions;
using CmBot.Domain.Common;
using CmBot.Domain.Conversations;

namespace CmBot.Domain.Drafts;

/// <summary>
/// Reads a planned publication time as people type it, in the brand's time zone: "tomorrow 10:00",
/// "2026-11-30 14:00", "30/11/2026 14h", "lundi 9h30", "14:00" (today, or tomorrow once past), "none".
/// A weekday means the next one after today: typed on a Monday, "monday" is a week ahead.
/// </summary>
public static partial class PlannedTimeParser
{
    private static readonly string[] NoneWords = ["none", "no", "never", "later", "-", "aucune", "aucun", "non", "plus tard", "pas encore"];
    private static readonly string[] Fillers = ["at", "on", "the", "next", "a", "le", "la", "prochain", "prochaine", "vers"];
    private static readonly string[] Today = ["today", "aujourd'hui", "aujourdhui", "auj"];
    private static readonly string[] Tomorrow = ["tomorrow", "demain"];
    private static readonly (string Word, DayOfWeek Day)[] Weekdays =
    [
        ("monday", DayOfWeek.Monday), ("tuesday", DayOfWeek.Tuesday), ("wednesday", DayOfWeek.Wednesday),
        ("thursday", DayOfWeek.Thursday), ("friday", DayOfWeek.Friday), ("saturday", DayOfWeek.Saturday),
        ("sunday", DayOfWeek.Sunday), ("lundi", DayOfWeek.Monday), ("mardi", DayOfWeek.Tuesday),
        ("mercredi", DayOfWeek.Wednesday), ("jeudi", DayOfWeek.Thursday), ("vendredi", DayOfWeek.Friday),
        ("samedi", DayOfWeek.Saturday), ("dimanche", DayOfWeek.Sunday),
    ];
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d/M/yyyy", "d.M.yyyy"];

    /// <returns>False when the text is no time; otherwise <paramref name="planned"/> is the instant, or null for "none".</returns>
    public static bool TryParse(string text, BrandTime time, out DateTimeOffset? planned)
    {
        planned = null;
        var normalized = CommandMatcher.Normalize(text.Trim()).Replace('’', '\'');
        if (NoneWords.Contains(normalized)) return true;

        DateOnly? day = null;
        TimeOnly? clock = null;
        foreach (var word in normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Fillers.Contains(word)) continue;
            if (day is null && Day(word, time) is { } d) day = d;
            else if (clock is null && Clock(word) is { } t) clock = t;
            else return false;
        }
        if (clock is not { } at) return false;
        var on = day ?? (time.At(time.Today, at) > time.Now ? time.Today : time.Today.AddDays(1));
        planned = time.At(on, at);
        return true;
    }

    private static DateOnly? Day(string word, BrandTime time)
    {
        if (DateOnly.TryParseExact(word, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        if (DayMonth().Match(word) is { Success: true } m)
        {
            // "30/11": this year's, or next year's once this year's is past.
            var (dayOfMonth, month) = (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
            if (month is < 1 or > 12 || dayOfMonth < 1 || dayOfMonth > DateTime.DaysInMonth(time.Today.Year, month)) return null;
            var thisYear = new DateOnly(time.Today.Year, month, dayOfMonth);
            return thisYear >= time.Today ? thisYear : thisYear.AddYears(1);
        }
        if (Today.Any(w => Close(word, w))) return time.Today;
        if (Tomorrow.Any(w => Close(word, w))) return time.Today.AddDays(1);
        foreach (var (name, weekday) in Weekdays)
        {
            if (!Close(word, name)) continue;
            var ahead = ((int)weekday - (int)time.Today.DayOfWeek + 7) % 7;
            return time.Today.AddDays(ahead == 0 ? 7 : ahead);
        }
        return null;
    }

    private static TimeOnly? Clock(string word)
    {
        if (word is "noon" or "midi") return new TimeOnly(12, 0);
        if (TimeOfDay().Match(word) is not { Success: true } m) return null;
        var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        var meridiem = m.Groups["ampm"].Value;
        if (meridiem.Length > 0 && hour is < 1 or > 12) return null;
        if (meridiem == "pm" && hour < 12) hour += 12;
        if (meridiem == "am" && hour == 12) hour = 0;
        // A bare number ("14") is refused: it could as well be a day of the month.
        if (!m.Groups["m"].Success && meridiem.Length == 0 && !word.EndsWith('h')) return null;
        return hour < 24 && minute < 60 ? new TimeOnly(hour, minute) : null;
    }

    /// <summary>Day words forgive a slip ("tomorow", "mecredi"); short ones must be exact.</summary>
    private static bool Close(string typed, string word) =>
        CommandMatcher.Distance(typed, word) <= (word.Length switch { <= 4 => 0, <= 7 => 1, _ => 2 });

    [GeneratedRegex(@"^(\d{1,2})/(\d{1,2})$")]
    private static partial Regex DayMonth();

    /// <summary>"9:30", "09:30", "9h30", "9h", "10am", "2:30pm".</summary>
    [GeneratedRegex(@"^(?<h>\d{1,2})(?:[:h](?<m>\d{2})?)?(?<ampm>am|pm)?$")]
    private static partial Regex TimeOfDay();
}
