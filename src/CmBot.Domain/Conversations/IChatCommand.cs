namespace CmBot.Domain.Conversations;

/// <summary>A typed command. <see cref="Phrases"/> are what people type, in English and French.</summary>
public interface IChatCommand
{
    CommandInfo Info { get; }

    /// <summary>
    /// True when the command only reads what is stored: the inbox then answers it before opening its write transaction
    /// (on SQLite that transaction holds the only writer, and a big brand's numbers take tens of milliseconds).
    /// </summary>
    bool ReadsOnly => false;

    Task<IReadOnlyList<BotReply>> RunAsync(ConversationContext context, string arguments, CancellationToken cancellationToken);
}

/// <param name="Phrases">Words that start the command, e.g. "agenda add", "ordre du jour ajouter".</param>
/// <param name="HelpEn">One help line in English: "`agenda add <text>`: add a point to this week's sync".</param>
/// <param name="HelpFr">The same line in French.</param>
/// <param name="ShownInHelp">False for aliases and sub-commands that the help would list twice.</param>
public sealed record CommandInfo(IReadOnlyList<string> Phrases, string HelpEn, string HelpFr, bool ShownInHelp = true);
