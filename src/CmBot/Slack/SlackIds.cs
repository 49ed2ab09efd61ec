namespace CmBot.Slack;

/// <summary>
/// A bound on the ids a payload carries (user, channel, team, event and trigger ids, message and thread ts), checked
/// before anything is remembered: an id no real payload has would be stored, then fail every reply made with it.
/// </summary>
public static class SlackIds
{
    /// <summary>
    /// Slack's ids are about a dozen characters (`U2CERLKJA`, `C0123ABCD`, ts `1531420618.000200`); the longest we read,
    /// trigger_id, is under 60 (slack.md §1). 255 is the limit Slack sets on the ids apps choose (action_id, block_id,
    /// callback_id): four times the longest real one, room enough if Slack lengthens its own.
    /// </summary>
    public const int MaxLength = 255;

    /// <exception cref="SlackPayloadException">Naming the first field over <see cref="MaxLength"/>, for the 400.</exception>
    public static void Check(params IEnumerable<(string Field, string? Value)> ids)
    {
        foreach (var (field, value) in ids)
            if (value?.Length > MaxLength) throw new SlackPayloadException($"{field} is longer than {MaxLength} characters");
    }
}
