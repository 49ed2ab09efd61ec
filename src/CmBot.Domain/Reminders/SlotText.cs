using System.Globalization;
using System.Text.RegularExpressions;
using CmBot.Domain.Conversations;

namespace CmBot.Domain.Reminders;

/// <summary>Reads "monday 9:30", "lundi 9h30", "9h mardi", "14:00 fri" into a day and a time.</summary>
public static partial class SlotText
{
    private static readonly Dictionary<string, DayOfWeek> Days = new()
    {
        ["monday"] = DayOfWeek.Monday, ["mon"] = DayOfWeek.Monday, ["lundi"] = DayOfWeek.Monday, ["lun"] = DayOfWeek.Monday,
        ["tuesday"] = DayOfWeek.Tuesday, ["tue"] = DayOfWeek.Tuesday, ["mardi"] = DayOfWeek.Tuesday, ["mar"] = DayOfWeek.Tuesday,
        ["wednesday"] = DayOfWeek.Wednesday, ["wed"] = DayOfWeek.Wednesday, ["mercredi"] = DayOfWeek.Wednesday, ["mer"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday, ["thu"] = DayOfWeek.Thursday, ["jeudi"] = DayOfWeek.Thursday, ["jeu"] = DayOfWeek.Thursday,
        ["friday"] = DayOfWeek.Friday, ["fri"] = DayOfWeek.Friday, ["vendredi"] = DayOfWeek.Friday, ["ven"] = DayOfWeek.Friday,
        ["saturday"] = DayOfWeek.Saturday, ["sat"] = DayOfWeek.Saturday, ["samedi"] = DayOfWeek.Saturday, ["sam"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday, ["sun"] = DayOfWeek.Sunday, ["dimanche"] = DayOfWeek.Sunday, ["dim"] = DayOfWeek.Sunday,
    };

    public static bool TryParse(string text, out DayOfWeek day, out TimeOnly time)
    {
        DayOfWeek? foundDay = null;
        TimeOnly? foundTime = null;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(CommandMatcher.Normalize))
        {
            if (Days.TryGetValue(word.TrimEnd('s', '.'), out var d) || Days.TryGetValue(word, out d)) foundDay ??= d;
            else if (TimeOf(word) is { } t) foundTime ??= t;
        }
        day = foundDay ?? default;
        time = foundTime ?? default;
        return foundDay is not null && foundTime is not null;
    }

    private static TimeOnly? TimeOf(string word)
    {
        var match = Clock().Match(word);
        if (!match.Success) return null;
        var hour = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups[2].Success ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : 0;
        return hour < 24 && minute < 60 ? new TimeOnly(hour, minute) : null;
    }

    [GeneratedRegex(@"^(\d{1,2})(?:[:h.](\d{2})?)?$")]
    private static partial Regex Clock();
}
