using CmBot.Domain.Conversations;

namespace CmBot.Domain.Integrations;

/// <summary>What an imported file did, said in chat: rows kept, figures added, changed or already there, and the bad lines.</summary>
public static class MetricsImportSummary
{
    public static string Write(ConversationContext context, string file, MetricsCsvImport.Result read, int shownErrors)
    {
        var lines = new List<string>
        {
            context.L(
                $"{file} ({read.Format.Name}): {read.GoodRows} rows imported: {read.Written.Inserted} figures added, {read.Written.Updated} changed, {read.Written.Unchanged} unchanged.",
                $"{file} ({read.Format.Name}) : {read.GoodRows} lignes importées : {read.Written.Inserted} chiffres ajoutés, {read.Written.Updated} modifiés, {read.Written.Unchanged} inchangés."),
        };
        if (read.Errors.Count > 0)
        {
            lines.Add(context.L($"{read.Errors.Count} bad rows, left out:", $"{read.Errors.Count} lignes refusées :"));
            lines.AddRange(read.Errors.Take(shownErrors).Select(e => context.L($"- line {e.Line}: {e.Reason}", $"- ligne {e.Line} : {e.Reason}")));
            if (read.Errors.Count > shownErrors)
                lines.Add(context.L($"… and {read.Errors.Count - shownErrors} more.", $"… et {read.Errors.Count - shownErrors} de plus."));
        }
        return string.Join("\n", lines);
    }
}
