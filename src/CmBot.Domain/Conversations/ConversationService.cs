using CmBot.Domain.Brands;
using CmBot.Domain.Common;
using CmBot.Domain.Delivery;
using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CmBot.Domain.Conversations;

/// <summary>
/// The one door into the product: a normalized input in, replies out. Finds the brand of the
/// conversation, routes a click to its handler, a message to the dialog under way or to a command,
/// and keeps the dialog state in the store. The state change, the dialog state and the messages to
/// send (outbox) commit in one transaction.
/// </summary>
public sealed class ConversationService(
    CmBotDb db,
    TimeProvider clock,
    CommandMatcher matcher,
    IEnumerable<ICardActionHandler> handlers,
    IEnumerable<IDialog> dialogs,
    IEnumerable<IAttachmentReader> attachmentReaders,
    Outbox outbox,
    OutboxSignal outboxSignal,
    IOptions<ConversationOptions> options,
    ILogger<ConversationService> logger)
{
    private const string BeforeAnswer = "before_answer";
    private static readonly string[] CancelWords = ["cancel", "annuler", "stop", "quit", "quitter"];

    public async Task<IReadOnlyList<BotReply>> HandleAsync(ChatInput input, CancellationToken cancellationToken = default)
    {
        // Downloads happen before the transaction: on SQLite it holds the only write lock, which no download may keep.
        var files = await FetchAttachmentsAsync(input, cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var replies = await HandleWithinAsync(input, files, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            outboxSignal.Notify();
            return replies;
        }
        catch (DbUpdateException) when (input.DeliveryId is { } deliveryId)
        {
            // The same delivery, handled at the same moment by another request, may have won.
            db.ChangeTracker.Clear();
            if (await db.InboundDeliveries.AnyAsync(d => d.Key == deliveryId, cancellationToken)) return [];
            throw;
        }
    }

    /// <summary>
    /// Handles the input inside the caller's open transaction (the inbox handles a batch of inputs in one commit),
    /// with <paramref name="files"/> fetched beforehand by <see cref="FetchAttachmentsAsync"/>. Saves, does not commit.
    /// </summary>
    public async Task<IReadOnlyList<BotReply>> HandleWithinAsync(ChatInput input, IReadOnlyList<AttachedFile> files, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("HandleWithinAsync needs an open transaction");
        if (input.DeliveryId is { } deliveryId && !await RecordDeliveryAsync(deliveryId, cancellationToken)) return [];
        await transaction.CreateSavepointAsync(BeforeAnswer, cancellationToken);
        IReadOnlyList<BotReply> replies;
        try
        {
            replies = await AnswerAsync(input, files, cancellationToken);
        }
        catch (DomainException refused)
        {
            // A refused move changes nothing, even what a handler had already saved.
            await transaction.RollbackToSavepointAsync(BeforeAnswer, cancellationToken);
            db.ChangeTracker.Clear();
            replies = Refusal(logger, input, refused);
        }
        await StageAnswerAsync(input, replies, cancellationToken);
        return replies;
    }

    /// <summary>A refused move is told to the person, and logged as information: the product said no, nothing failed.</summary>
    internal static IReadOnlyList<BotReply> Refusal(ILogger logger, ChatInput input, DomainException refused)
    {
        logger.LogInformation("Refused for {User} in {Channel}: {Reason}", input.Who.Id, input.Where.Channel, refused.Message);
        return [BotReply.Say(refused.Message)];
    }

    /// <summary>Stages an answer found by <see cref="ReadOnlyAnswers"/>, inside the caller's open transaction.</summary>
    public async Task StageAnswerAsync(ChatInput input, IReadOnlyList<BotReply> replies, CancellationToken cancellationToken)
    {
        await outbox.EnqueueRepliesAsync(input.Where, input.ThreadId, replies, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<BotReply>> AnswerAsync(ChatInput input, IReadOnlyList<AttachedFile> files, CancellationToken cancellationToken)
    {
        var brand = await FindBrandAsync(input.Where, cancellationToken);
        var context = new ConversationContext(input, brand, db, clock) { Files = files };
        var dialog = await DialogOf.For(db)(db, input.Where.Channel, input.Where.ConversationId, input.Who.Id, cancellationToken);
        context.Dialog = dialog;
        var replies = input.Click is { } click
            ? await ClickAsync(context, click, cancellationToken)
            : await TextAsync(context, input.Text?.Trim() ?? "", cancellationToken);
        KeepDialog(context, dialog);
        return replies;
    }

    private async Task<IReadOnlyList<BotReply>> ClickAsync(ConversationContext context, CardClick click, CancellationToken cancellationToken)
    {
        var handler = handlers.FirstOrDefault(h => h.Verbs.Contains(click.Verb));
        if (handler is null)
            return [BotReply.Say(context.L("That button is no longer supported; type `help` to see what I can do.",
                "Ce bouton n'est plus pris en charge ; tapez `aide` pour voir ce que je sais faire."))];
        return await handler.HandleAsync(context, click, cancellationToken);
    }

    private async Task<IReadOnlyList<BotReply>> TextAsync(ConversationContext context, string text, CancellationToken cancellationToken)
    {
        // Files and no words read as "import" (see ChatAttachment.FileOnlyText); a dialog under way waits for words, so it is left alone.
        var fileOnly = text.Length == 0 && context.Input.Attachments.Count > 0;
        if (fileOnly) text = ChatAttachment.FileOnlyText;
        if (!fileOnly && context.Dialog is { } state)
        {
            if (CancelWords.Contains(CommandMatcher.Normalize(text)))
            {
                context.Dialog = null;
                return [BotReply.Say(context.L("Cancelled. Nothing was saved.", "Annulé. Rien n'a été enregistré."))];
            }
            var dialog = dialogs.FirstOrDefault(d => d.Name == state.Dialog);
            if (dialog is not null)
                return await dialog.ContinueAsync(context, state, text, cancellationToken);
            context.Dialog = null;
        }
        if (matcher.Match(text) is not { } match)
            return [BotReply.Say(context.L(
                "Sorry, I didn't get that. Try `help`, `drafts`, `comments`, `numbers` or `agenda`.",
                "Désolé, je n'ai pas compris. Essayez `aide`, `brouillons`, `commentaires`, `chiffres` ou `ordre du jour`."))];
        return await match.Command.RunAsync(context, match.Arguments, cancellationToken);
    }

    /// <summary>The CSV files attached to the input (the only kind the product reads), each fetched from its platform.</summary>
    public async Task<IReadOnlyList<AttachedFile>> FetchAttachmentsAsync(ChatInput input, CancellationToken cancellationToken)
    {
        var files = new List<AttachedFile>();
        foreach (var attachment in input.Attachments.Where(a => a.IsCsv))
        {
            var reader = attachmentReaders.FirstOrDefault(r => r.Channel == attachment.Channel);
            try
            {
                files.Add(reader is null
                    ? new AttachedFile(attachment, null, AttachmentProblem.Unavailable)
                    : new AttachedFile(attachment, await reader.ReadAsync(input.Where, attachment, AttachedFile.MaxBytes, cancellationToken), null));
            }
            catch (AttachmentException problem)
            {
                logger.LogInformation("Attachment {Name} not fetched: {Reason}", attachment.Name, problem.Message);
                files.Add(new AttachedFile(attachment, null, problem.Problem));
            }
        }
        return files;
    }

    /// <summary>Records the delivery first, inside the transaction; false when it was already handled.</summary>
    private async Task<bool> RecordDeliveryAsync(string deliveryId, CancellationToken cancellationToken)
    {
        if (await db.InboundDeliveries.AnyAsync(d => d.Key == deliveryId, cancellationToken)) return false;
        db.InboundDeliveries.Add(new InboundDelivery { Key = deliveryId, ReceivedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private void KeepDialog(ConversationContext context, DialogState? before)
    {
        if (before is not null && context.Dialog != before) db.DialogStates.Remove(before);
        if (context.Dialog is { } now)
        {
            now.UpdatedAt = context.Now;
            if (now != before) db.DialogStates.Add(now);
        }
    }

    private async Task<Brand?> FindBrandAsync(ChatAddress where, CancellationToken cancellationToken)
    {
        if (await LinkedBrandId.For(db)(db, where.Channel, where.ConversationId, cancellationToken) is { } id) return await BrandById.For(db)(db, id, cancellationToken);
        return options.Value.FallbackBrand is { } name ? await BrandByName.For(db)(db, name, cancellationToken) : null;
    }

    // Every input runs these: compiled once, they skip EF's per-call translation lookup.
    private static readonly CompiledPerModel<Func<CmBotDb, string, string, string, CancellationToken, Task<DialogState?>>> DialogOf = new(() => EF.CompileAsyncQuery(
        (CmBotDb db, string channel, string conversationId, string userId, CancellationToken _) =>
            db.DialogStates.FirstOrDefault(d => d.Channel == channel && d.ConversationId == conversationId && d.UserId == userId)));

    private static readonly CompiledPerModel<Func<CmBotDb, string, string, CancellationToken, Task<int?>>> LinkedBrandId = new(() => EF.CompileAsyncQuery(
        (CmBotDb db, string channel, string conversationId, CancellationToken _) =>
            db.BrandChannels.Where(c => c.Channel == channel && c.ConversationId == conversationId).Select(c => (int?)c.BrandId).FirstOrDefault()));

    private static readonly CompiledPerModel<Func<CmBotDb, int, CancellationToken, Task<Brand>>> BrandById = new(() => EF.CompileAsyncQuery(
        (CmBotDb db, int id, CancellationToken _) =>
            db.Brands.Include(b => b.Members).Include(b => b.Networks).Include(b => b.Channels).AsSplitQuery().First(b => b.Id == id)));

    private static readonly CompiledPerModel<Func<CmBotDb, string, CancellationToken, Task<Brand?>>> BrandByName = new(() => EF.CompileAsyncQuery(
        (CmBotDb db, string name, CancellationToken _) =>
            db.Brands.Include(b => b.Members).Include(b => b.Networks).Include(b => b.Channels).AsSplitQuery().FirstOrDefault(b => b.Name == name)));
}
