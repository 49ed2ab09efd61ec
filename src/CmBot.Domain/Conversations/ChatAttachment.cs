namespace CmBot.Domain.Conversations;

/// <summary>
/// A file attached to a message, described, not downloaded: inputs wait in the inbox as JSON, so only what is needed
/// to fetch the bytes later travels with them (see <c>IAttachmentReader</c>).
/// </summary>
/// <param name="Name">The file name as the person sees it, e.g. "november.csv".</param>
/// <param name="ContentType">The platform's MIME type or file type, when it tells.</param>
/// <param name="Channel">The platform that can read it back ("slack", "teams").</param>
/// <param name="Locator">What that platform fetches it by: Slack's url_private, Teams' pre-authenticated downloadUrl.</param>
public sealed record ChatAttachment(string Name, string? ContentType, string Channel, string Locator)
{
    /// <summary>
    /// A message that carries files and no words reads as this word, so dropping a CSV on the bot asks for its import;
    /// the command it names decides what to do with the files.
    /// </summary>
    public const string FileOnlyText = "import";

    public bool IsCsv =>
        Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
        || string.Equals(ContentType, "text/csv", StringComparison.OrdinalIgnoreCase)
        || string.Equals(ContentType, "csv", StringComparison.OrdinalIgnoreCase);
}
