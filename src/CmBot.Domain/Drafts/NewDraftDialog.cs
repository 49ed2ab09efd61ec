using CmBot.Domain.Brands;
using CmBot.Domain.Conversations;

namespace CmBot.Domain.Drafts;

/// <summary>
/// The `new draft` dialog: networks, then text (checked against those networks' limits), then planned time,
/// then the draft and its card. The answers so far live in <see cref="DialogState.Values"/>, in the store, so
/// a restart between two messages loses nothing.
/// </summary>
public sealed class NewDraftDialog : IDialog
{
    public const string DialogName = "new-draft";

    private static class Steps
    {
        public const string Networks = "networks";
        public const string Text = "text";
        public const string Time = "time";
    }

    public string Name => DialogName;

    public async Task<IReadOnlyList<BotReply>> ContinueAsync(ConversationContext context, DialogState state, string text, CancellationToken cancellationToken) =>
        state.Step switch
        {
            Steps.Text => AnswerText(context, state, text),
            Steps.Time => await AnswerTimeAsync(context, state, text, cancellationToken),
            _ => await AnswerNetworks(context, state, text),
        };

    /// <summary>Begins the dialog; "new draft x, linkedin" answers the first question at once.</summary>
    public static Task<IReadOnlyList<BotReply>> Start(ConversationContext context, string arguments)
    {
        var state = context.BeginDialog(DialogName);
        state.Step = Steps.Networks;
        return arguments.Length > 0 ? AnswerNetworks(context, state, arguments) : Reply(AskNetworks(context));
    }

    private static string AskNetworks(ConversationContext context) => context.L(
        "New draft. Which network(s)? For example `x, linkedin` (or `all`). Type `cancel` to stop.",
        "Nouveau brouillon. Pour quel(s) réseau(x) ? Par exemple `x, linkedin` (ou `tous`). Tapez `annuler` pour arrêter.");

    private static Task<IReadOnlyList<BotReply>> AnswerNetworks(ConversationContext context, DialogState state, string text)
    {
        var (networks, unknown) = NetworkNames.Parse(text, context.Brand.Networks.Select(n => n.Network));
        if (unknown.Count > 0 || networks.Count == 0)
        {
            var known = string.Join(", ", Enum.GetValues<Network>());
            return Reply(unknown.Count > 0
                ? context.L($"I don't know {string.Join(", ", unknown)}. Networks: {known}.", $"Je ne connais pas {string.Join(", ", unknown)}. Réseaux : {known}.")
                : context.L($"Which network(s)? {known}.", $"Pour quel(s) réseau(x) ? {known}."));
        }
        state.Values[Steps.Networks] = string.Join(",", networks);
        state.Step = Steps.Text;
        return Reply(context.L(
            $"For {string.Join(", ", networks)}. Now the text of the post (limits: {NetworkLimits.Describe(networks, context.Language)}).",
            $"Pour {string.Join(", ", networks)}. Maintenant le texte de la publication (limites : {NetworkLimits.Describe(networks, context.Language)})."));
    }

    private static IReadOnlyList<BotReply> AnswerText(ConversationContext context, DialogState state, string text)
    {
        if (text.Length == 0)
            return [BotReply.Say(context.L("The text of the post, please.", "Le texte de la publication, s'il vous plaît."))];
        if (NetworkLimits.Problem(text, Networks(state), context.Language) is { } problem)
            return [BotReply.Say(problem + " " + context.L("Send a shorter text, or `cancel`.", "Envoyez un texte plus court, ou `annuler`."))];
        state.Values[Steps.Text] = text;
        state.Step = Steps.Time;
        return [BotReply.Say(context.L(
            "When should it go out? For example `tomorrow 10:00`, `2026-11-30 14:00`, `monday 9:30`, or `none`.",
            "Quand doit-elle partir ? Par exemple `demain 10:00`, `2026-11-30 14:00`, `lundi 9h30`, ou `aucune`."))];
    }

    private static async Task<IReadOnlyList<BotReply>> AnswerTimeAsync(ConversationContext context, DialogState state, string text, CancellationToken cancellationToken)
    {
        if (!PlannedTimeParser.TryParse(text, context.Time, out var planned))
            return [BotReply.Say(context.L(
                "I didn't get that time. Try `tomorrow 10:00`, `2026-11-30 14:00`, `monday 9:30`, or `none`.",
                "Je n'ai pas compris cette heure. Essayez `demain 10:00`, `2026-11-30 14:00`, `lundi 9h30`, ou `aucune`."))];
        if (planned < context.Now)
            return [BotReply.Say(context.L("That time is already past: pick a later one, or `none`.",
                "Cette heure est déjà passée : choisissez-en une plus tard, ou `aucune`."))];

        var draft = Draft.Create(context.Brand, context.User, state.Values[Steps.Text], Networks(state), planned, context.Now);
        context.Db.Drafts.Add(draft);
        // Saved here, not at the end of the turn, because the card needs the draft's id.
        await context.Db.SaveChangesAsync(cancellationToken);
        context.Dialog = null;
        return
        [
            BotReply.Say(context.L($"Draft {draft.Id} is waiting for approval.", $"Le brouillon {draft.Id} attend une approbation.")),
            BotReply.Show(DraftCard.Build(draft, context)),
        ];
    }

    private static List<Network> Networks(DialogState state) =>
        state.Values.TryGetValue(Steps.Networks, out var names) ? NetworkNames.Parse(names, []).Networks : [];

    private static Task<IReadOnlyList<BotReply>> Reply(string text) => Task.FromResult<IReadOnlyList<BotReply>>([BotReply.Say(text)]);
}
