using CmBot.Domain.Conversations;
using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CmBot.Domain.Delivery;

/// <summary>
/// Sends a read-only answer (help, numbers) straight from the inbox instead of through the outbox: such an answer
/// changes nothing, so there is no state change for it to commit with, and its inbox entry is the durable record
/// (handled only once the answer went out; a crash in between answers it again, as a crash between an outbox send and
/// its record does). Only what nothing will update later goes this way (text, snapshot cards: no copy to track), one
/// message an answer, to a conversation with nothing waiting in the outbox, so it cannot overtake an earlier message.
/// Whatever fails here, or would have to wait for the platform's pace (the pass waits for its slowest send), is staged
/// in the outbox as usual, which paces it, retries it and handles a conversation gone.
/// </summary>
public sealed class DirectReplies(IEnumerable<IChannelSender> senders, IOptions<DeliveryOptions> options, ILogger<DirectReplies> logger)
{
    private readonly Dictionary<string, IChannelSender> byChannel = senders.ToDictionary(s => s.Channel);

    public sealed record Answer(ChatAddress Where, string? ThreadId, IReadOnlyList<BotReply> Replies);

    /// <summary>
    /// Sends what may go straight away; true at the index of each answer sent (none where there is no answer). A
    /// conversation's answers go in order, and stop at the first that cannot go: the outbox takes that one and the rest.
    /// </summary>
    public async Task<bool[]> SendAsync(CmBotDb db, IReadOnlyList<Answer?> answers, CancellationToken cancellationToken)
    {
        var sent = new bool[answers.Count];
        var byConversation = new Dictionary<ChatAddress, List<(int Index, OutboundContent? Content)>>();
        for (var i = 0; i < answers.Count; i++)
            if (answers[i] is { } answer && byChannel.ContainsKey(answer.Where.Channel))
                (byConversation.TryGetValue(answer.Where, out var list) ? list : byConversation[answer.Where] = []).Add((i, Content(answer)));
        if (byConversation.Count == 0) return sent;
        var waiting = await WaitingConversationsAsync(db, byConversation.Keys, cancellationToken);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.ParallelConversations, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(byConversation.Where(c => !waiting.Contains(c.Key)), parallel, async (conversation, ct) =>
        {
            var sender = byChannel[conversation.Key.Channel];
            foreach (var (index, content) in conversation.Value)
            {
                if (content is null || !sender.CanPostNow(conversation.Key.ConversationId)) return;
                try
                {
                    await sender.PostAsync(conversation.Key.ConversationId, answers[index]!.ThreadId, content, ct);
                    sent[index] = true;
                }
                catch (Exception failure) when (failure is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    logger.LogInformation("Answer not sent straight away ({Failure}); the outbox takes it", failure.Message);
                    return;
                }
            }
        });
        return sent;
    }

    /// <summary>The one message of an answer that nothing will update or wipe later; null for any other answer.</summary>
    private static OutboundContent? Content(Answer answer) => answer.Replies switch
    {
        [TextReply { Sensitive: false } text] => new OutboundContent(text.Text, null),
        [CardReply { Card.IsSnapshot: true } card] => new OutboundContent(null, card.Card),
        _ => null,
    };

    /// <summary>Conversations among the answers' with a message not sent yet (held, waiting for a retry or due).</summary>
    private static async Task<HashSet<ChatAddress>> WaitingConversationsAsync(CmBotDb db, IEnumerable<ChatAddress> conversations, CancellationToken cancellationToken)
    {
        var waiting = new HashSet<ChatAddress>();
        foreach (var (channel, ids) in ChatAddress.ByChannel(conversations))
        {
            await foreach (var id in WaitingIn.For(db)(db, channel, ids).WithCancellation(cancellationToken)) waiting.Add(new ChatAddress(channel, id));
        }
        return waiting;
    }

    // Every inbox pass runs it: compiled once, it skips building and looking up the query each time.
    private static readonly CompiledPerModel<Func<CmBotDb, string, List<string>, IAsyncEnumerable<string>>> WaitingIn = new(() => EF.CompileAsyncQuery(
        (CmBotDb db, string channel, List<string> ids) =>
            db.OutboxMessages.Where(m => m.Channel == channel && ids.Contains(m.ConversationId) && m.SentAt == null && !m.Failed).Select(m => m.ConversationId).Distinct()));
}
