using CmBot.Domain.Brands;
using CmBot.Domain.Common;
using CmBot.Domain.Conversations;
using CmBot.Domain.Drafts;
using Microsoft.Extensions.DependencyInjection;

namespace CmBot.Domain.Integrations;

/// <summary>
/// `metrics import [format] [network]`: imports the CSV files attached to the same message, like the API upload:
/// good rows are kept, bad ones named by line, the same file again changes nothing. A message that is only one CSV
/// file (no words, or just `import`) asks for the same; several files need the full command, so that a batch is
/// always asked for in so many words. Admins only: an import rewrites the figures the whole team reports on, in bulk,
/// the same power as the API keys only admins hand out (and "anyone may approve" brands would open it to everyone).
/// </summary>
public sealed class MetricsImportCommand(IServiceProvider services) : IChatCommand
{
    private const int ShownErrors = 10;

    public CommandInfo Info { get; } = new(["metrics import", "numbers import", "chiffres importer", ChatAttachment.FileOnlyText, "importer"],
        "`metrics import` with a CSV attached: add figures (date,network,metric,value, or a Meta, LinkedIn or X export)",
        "`chiffres importer` avec un CSV joint : ajouter des chiffres (date,network,metric,value, ou un export Meta, LinkedIn ou X)");

    public async Task<IReadOnlyList<BotReply>> RunAsync(ConversationContext context, string arguments, CancellationToken cancellationToken)
    {
        var brand = context.Brand;
        if (!brand.IsAdmin(context.User.Id))
            throw new DomainException(context.L($"Only {brand.Name}'s admins can import numbers.", $"Seuls les administrateurs de {brand.Name} peuvent importer des chiffres."));
        var files = context.Files;
        if (files.Count == 0)
            return [BotReply.Say(context.L(
                "Attach a CSV file to the message that says `metrics import` (or just send me the file): date,network,metric,value, or a Meta, LinkedIn or X analytics export.",
                "Joignez un fichier CSV au message `chiffres importer` (ou envoyez-moi simplement le fichier) : date,network,metric,value, ou un export des statistiques Meta, LinkedIn ou X."))];
        if (files.Count > 1 && IsShortForm(context.Input.Text, arguments))
            return [BotReply.Say(context.L(
                $"{files.Count} CSV files: say `metrics import` with them to import them all.",
                $"{files.Count} fichiers CSV : écrivez `chiffres importer` avec eux pour tous les importer."))];
        var (format, network) = Options(context, arguments);

        var answers = new List<string>();
        foreach (var file in files)
            answers.Add(await ImportAsync(context, file, format, network, cancellationToken));
        return [BotReply.Say(string.Join("\n\n", answers))];
    }

    private async Task<string> ImportAsync(ConversationContext context, AttachedFile file, MetricsCsvFormat? format, Network? network, CancellationToken cancellationToken)
    {
        var name = file.Attachment.Name;
        if (services.GetService<ICsvTableReader>() is not { } csv)
            return context.L($"{name}: I cannot read files here.", $"{name} : je ne sais pas lire les fichiers ici.");
        if (file.Bytes is not { } bytes)
            return name + ": " + Problem(context, file.Problem ?? AttachmentProblem.Unavailable);
        var table = await csv.ReadAsync(new MemoryStream(bytes, writable: false), cancellationToken);
        if (table is null) return context.L($"{name}: the file is empty.", $"{name} : le fichier est vide.");
        // Saved as it goes (in the conversation's transaction): the next file's upsert must see this one's figures.
        var (read, refusal) = await MetricsCsvImport.ImportAsync(context.Db, context.Brand.Id, table, format, network, cancellationToken);
        return read is null ? $"{name}: {refusal}" : MetricsImportSummary.Write(context, name, read, ShownErrors);
    }

    /// <summary>"import" or a file alone: one word of command before the arguments.</summary>
    private static bool IsShortForm(string? text, string arguments) =>
        Words(text) - Words(arguments) <= 1;

    private static int Words(string? text) => (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>Arguments name a layout (cmbot, meta, linkedin, x) and/or the network of a Meta export.</summary>
    private static (MetricsCsvFormat? Format, Network? Network) Options(ConversationContext context, string arguments)
    {
        MetricsCsvFormat? format = null;
        Network? network = null;
        foreach (var word in arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (format is null && MetricsCsvFormat.Named(word) is { } named) { format = named; continue; }
            if (NetworkNames.Parse(word, []) is ([var one], [])) { network = one; continue; }
            throw new DomainException(context.L(
                $"'{word}' is neither a layout ({string.Join(", ", MetricsCsvFormat.All.Select(f => f.Name))}) nor a network.",
                $"« {word} » n'est ni un format ({string.Join(", ", MetricsCsvFormat.All.Select(f => f.Name))}) ni un réseau."));
        }
        return (format, network);
    }

    private static string Problem(ConversationContext context, AttachmentProblem problem) => problem switch
    {
        AttachmentProblem.TooLarge => context.L("the file is over 5 MB.", "le fichier dépasse 5 Mo."),
        AttachmentProblem.NotAllowed => context.L("I only fetch files from the chat platform itself.", "je ne récupère les fichiers que sur la plateforme de discussion elle-même."),
        _ => context.L("I could not fetch the file (is the app allowed to read files?). Try again, or use the API.",
            "je n'ai pas pu récupérer le fichier (l'application a-t-elle le droit de lire les fichiers ?). Réessayez, ou passez par l'API."),
    };
}
