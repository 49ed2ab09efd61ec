using CmBot.Domain.Brands;
using CmBot.Domain.Common;
using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CmBot.Domain.Conversations;

/// <summary>
/// Answers the read-only commands (see <see cref="IChatCommand.ReadsOnly"/>) among a batch of inputs, outside any
/// transaction, so they never hold SQLite's only writer. The dialogs under way, the conversations' brands and those
/// brands are read once for the whole batch, not once an input: on a busy endpoint these reads were most of an
/// answer's cost. Anything else (and a person with a dialog under way) is left to
/// <see cref="ConversationService.HandleWithinAsync"/>.
/// </summary>
public sealed class ReadOnlyAnswers(CmBotDb db, TimeProvider clock, CommandMatcher matcher, IOptions<ConversationOptions> options, ILogger<ReadOnlyAnswers> logger)
{
    /// <summary>
    /// The answer at the index of each input answered here, in batch order. Null where the input may write, its answer
    /// failed, or an earlier input of its conversation got null (that one may start a dialog there), and past the first
    /// <paramref name="perConversation"/> answers of a conversation: the transaction handles those, in turn.
    /// </summary>
    public async Task<IReadOnlyList<BotReply>?[]> AnswerAsync(IReadOnlyList<ChatInput> inputs, int perConversation, CancellationToken cancellationToken)
    {
        var answers = new IReadOnlyList<BotReply>?[inputs.Count];
        var commands = inputs.Select(ReadOnlyCommand).ToArray();
        var conversations = inputs.Where((_, i) => commands[i] is not null).Select(input => input.Where).Distinct().ToList();
        if (conversations.Count == 0) return answers;

        var inDialog = await DialogsUnderWayAsync(conversations, cancellationToken);
        var brands = await BrandsAsync(conversations, cancellationToken);
        var answered = new Dictionary<ChatAddress, int>();
        var stopped = new HashSet<ChatAddress>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            if (stopped.Contains(input.Where)) continue;
            var count = answered.GetValueOrDefault(input.Where);
            answers[i] = commands[i] is { } match && count < perConversation && !inDialog.Contains((input.Where, input.Who.Id))
                ? await TryRunAsync(match.Command, match.Arguments, new ConversationContext(input, brands.GetValueOrDefault(input.Where), db, clock), cancellationToken)
                : null;
            if (answers[i] is null) stopped.Add(input.Where);
            else answered[input.Where] = count + 1;
        }
        return answers;
    }

    private (IChatCommand Command, string Arguments)? ReadOnlyCommand(ChatInput input) =>
        input.Click is null && input.Attachments.Count == 0 && matcher.Match(input.Text?.Trim() ?? "") is { Command.ReadsOnly: true } match ? match : null;

    /// <summary>Null when running it failed: the transaction answers it again, failure included.</summary>
    private async Task<IReadOnlyList<BotReply>?> TryRunAsync(IChatCommand command, string arguments, ConversationContext context, CancellationToken cancellationToken)
    {
        try
        {
            var replies = await command.RunAsync(context, arguments, cancellationToken);
            if (db.ChangeTracker.HasChanges()) throw new InvalidOperationException($"{command.GetType().Name} says it only reads, but changed the store");
            return replies;
        }
        catch (DomainException refused)
        {
            return ConversationService.Refusal(logger, context.Input, refused);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Read-only answer failed, handling it in the transaction: {Error}", error.Message);
            return null;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private async Task<HashSet<(ChatAddress, string)>> DialogsUnderWayAsync(List<ChatAddress> conversations, CancellationToken cancellationToken)
    {
        var underWay = new HashSet<(ChatAddress, string)>();
        foreach (var (channel, ids) in ChatAddress.ByChannel(conversations))
        {
            await foreach (var (conversationId, userId) in DialogsIn.For(db)(db, channel, ids).WithCancellation(cancellationToken))
                underWay.Add((new ChatAddress(channel, conversationId), userId));
        }
        return underWay;
    }

    /// <summary>Each conversation's brand: the one linked to it, else the fallback brand (development), else none.</summary>
    private async Task<Dictionary<ChatAddress, Brand>> BrandsAsync(List<ChatAddress> conversations, CancellationToken cancellationToken)
    {
        var linked = new Dictionary<ChatAddress, int>();
        foreach (var (channel, ids) in ChatAddress.ByChannel(conversations))
        {
            await foreach (var (conversationId, brandId) in LinksIn.For(db)(db, channel, ids).WithCancellation(cancellationToken))
                linked.TryAdd(new ChatAddress(channel, conversationId), brandId);
        }
        var fallback = options.Value.FallbackBrand;
        var brandIds = linked.Values.Distinct().ToList();
        if (brandIds.Count == 0 && fallback is null) return [];
        var brands = await BrandsIn.For(db)(db, brandIds, fallback).ToListAsync(cancellationToken);
        var fallbackBrand = brands.FirstOrDefault(b => b.Name == fallback);
        var result = new Dictionary<ChatAddress, Brand>();
        foreach (var conversation in conversations)
        {
            var brand = linked.TryGetValue(conversation, out var id) ? brands.FirstOrDefault(b => b.Id == id) : fallbackBrand;
            if (brand is not null) result[conversation] = brand;
        }
        return result;
    }

    // Every pass runs these: compiled once, they skip building and looking up the query each time, which cost far
    // more than the statements themselves.
    private sealed record Pair<T>(string ConversationId, T Value);

    private static readonly CompiledPerModel<Func<CmBotDb, string, List<string>, IAsyncEnumerable<Pair<string>>>> DialogsIn = new(() => EF.CompileAsyncQuery(
        (CmBotDb db, string channel, List<string> ids) =>
            db.DialogStates.AsNoTracking().Where(d => d.Channel == channel && ids.Contains(d.ConversationId)).Select(d => new Pair<string>(d.ConversationId, d.UserId))));

    private static readonly CompiledPerModel<Func<CmBotDb, string, List<string>, IAsyncEnumerable<Pair<int>>>> LinksIn = new(() => EF.CompileAsyncQuery(
        (CmBotDb db, string channel, List<string> ids) =>
            db.BrandChannels.AsNoTracking().Where(c => c.Channel == channel && ids.Contains(c.ConversationId)).Select(c => new Pair<int>(c.ConversationId, c.BrandId))));

    private static readonly CompiledPerModel<Func<CmBotDb, List<int>, string?, IAsyncEnumerable<Brand>>> BrandsIn = new(() => EF.CompileAsyncQuery(
        (CmBotDb db, List<int> ids, string? fallback) =>
            db.Brands.AsNoTracking().Include(b => b.Members).Include(b => b.Networks).Include(b => b.Channels).AsSplitQuery()
                .Where(b => ids.Contains(b.Id) || b.Name == fallback)));
}
