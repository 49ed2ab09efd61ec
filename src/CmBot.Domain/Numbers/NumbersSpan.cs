namespace CmBot.Domain.Numbers;

/// <summary>
/// A stretch of a brand's time: instants [<see cref="Start"/>, <see cref="End"/>) for what the store records by
/// instant (approvals, comments, contacts), and local days <see cref="FirstDay"/>..<see cref="LastDay"/> for
/// the metric samples, which come per local day. The instants carry the brand's local offset, so they print as
/// its wall-clock time.
/// </summary>
public sealed record NumbersSpan(DateTimeOffset Start, DateTimeOffset End, DateOnly FirstDay, DateOnly LastDay)
{
    public int Days => LastDay.DayNumber - FirstDay.DayNumber + 1;
}
