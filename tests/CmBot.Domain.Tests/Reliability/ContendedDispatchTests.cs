using System.Diagnostics;
using CmBot.Domain.Cards;
using CmBot.Domain.Delivery;
using CmBot.Domain.Store;
using CmBot.Domain.Tests.Reminders;
using CmBot.Domain.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CmBot.Domain.Tests.Reliability;

/// <summary>
/// Issue 7, "nothing doubled" under load: two dispatchers (two containers, as two processes) drain one outbox of
/// 2,000 texts across 100 conversations and 20 cards posted in two conversations each, while every card changes state
/// five times. Each message must reach the platform exactly once, each conversation's messages one after the other in
/// the order they were staged (never two at once), and each copy of each card must end in the card's last state
/// (intermediate states may coalesce). On PostgreSQL (needs CMBOT_TEST_POSTGRES) and on one SQLite file.
/// </summary>
public sealed class ContendedDispatchTests(ITestOutputHelper output)
{
    private const int Conversations = 100;
    private const int Texts = 2_000;
    private const int Cards = 20;
    private const int States = 5;

    [PostgresFact]
    public async Task TwoDispatchersOnPostgres_SendEachMessageOnce_InOrderWithinEachConversation()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await DrainWithTwoDispatchersAsync(database.Options);
    }

    [Fact]
    public async Task TwoDispatchersOnOneSqliteFile_SendEachMessageOnce_InOrderWithinEachConversation()
    {
        using var store = new TestStore();
        await DrainWithTwoDispatchersAsync(store.Options);
    }

    private async Task DrainWithTwoDispatchersAsync(StoreOptions store)
    {
        var platform = new TimedPlatform();
        using var a = new DispatcherNode("a", store, platform);
        using var b = new DispatcherNode("b", store, platform);
        // The people clicking: a third container that changes the cards while the two dispatch.
        using var people = new DispatcherNode("people", store, platform);
        await a.StageAsync(outbox =>
        {
            for (var card = 0; card < Cards; card++)
                foreach (var conversation in CopiesOf(card)) outbox.Post(ChannelOf(conversation), conversation, null, new OutboundContent(null, Card(card, 0)));
            // Round the conversations, so that consecutive batches hold the next message of the same conversations.
            for (var i = 0; i < Texts; i++) outbox.Post(ChannelOf(Conversation(i % Conversations)), Conversation(i % Conversations), null, new OutboundContent(Text(i), null));
            return Task.CompletedTask;
        });

        var elapsed = Stopwatch.StartNew();
        var staging = 1;
        var nodes = new[] { a, b }.Select(node => Task.Run(() => node.DispatchUntilEmptyAsync(() => Volatile.Read(ref staging) == 1))).ToList();
        // State 1 while the cards' posts are on their way (it rewrites them, or follows them); the others once every copy
        // is recorded, as updates of the copies, a little apart so that some coalesce and some go out one by one.
        var conflicts = 0;
        for (var card = 0; card < Cards; card++) conflicts += await StageWithRetryAsync(people, Card(card, 1));
        var recorded = Stopwatch.StartNew();
        while (Read(store, db => db.CardPosts.Count()) < Cards * 2)
        {
            Assert.True(recorded.Elapsed < TimeSpan.FromSeconds(60), "the cards' posts were not recorded within a minute");
            await Task.Delay(20);
        }
        for (var state = 2; state <= States; state++)
        {
            for (var card = 0; card < Cards; card++) conflicts += await StageWithRetryAsync(people, Card(card, state));
            await Task.Delay(20);
        }
        Volatile.Write(ref staging, 0);
        var results = await Task.WhenAll(nodes).WaitAsync(TimeSpan.FromMinutes(3));
        elapsed.Stop();

        var sends = platform.Sends.ToList();
        var texts = sends.Where(s => s.Content?.Text is not null).ToList();
        var cardPosts = sends.Where(s => s is { Operation: "post", Content.Card: not null }).ToList();
        var updates = sends.Where(s => s.Operation == "update").ToList();
        var (staged, unsent) = Count(store);
        output.WriteLine($"{store.Provider}: {sends.Count} sends in {elapsed.Elapsed.TotalSeconds:0.0} s ({sends.Count / elapsed.Elapsed.TotalSeconds:0} a second); " +
            $"node a {results[0].Sent} in {results[0].Passes} passes, node b {results[1].Sent} in {results[1].Passes} passes; texts {texts.Count} " +
            $"({texts.Select(t => t.Content!.Text).Distinct().Count()} distinct); card posts {cardPosts.Count}; updates {updates.Count} of {staged.Updates} staged " +
            $"(the rest coalesced); card state changes retried after a conflict: {conflicts}; left unsent: {unsent}");

        Assert.Equal(0, unsent);
        Assert.Equal(Texts, texts.Count);
        Assert.Equal(Texts, texts.Select(t => t.Content!.Text).Distinct().Count());
        Assert.Equal(Cards * 2, cardPosts.Count);
        Assert.Equal(Cards * 2, cardPosts.Select(p => (p.Conversation, p.Content!.Card!.Key)).Distinct().Count());
        // No update sent twice with the same state to the same copy.
        Assert.Equal(updates.Count, updates.Select(u => (u.MessageId, u.Content!.Card!.State)).Distinct().Count());
        foreach (var conversation in sends.GroupBy(s => s.Conversation))
        {
            var inOrder = conversation.OrderBy(s => s.Start).ToList();
            // One at a time: each call to a conversation starts after the previous one answered.
            for (var i = 1; i < inOrder.Count; i++)
                Assert.True(inOrder[i - 1].End < inOrder[i].Start, $"{conversation.Key}: two calls at once ({Describe(inOrder[i - 1])} and {Describe(inOrder[i])})");
            var sequence = inOrder.Where(s => s.Content?.Text is not null).Select(s => s.Content!.Text!).ToList();
            Assert.Equal(sequence.Order(StringComparer.Ordinal), sequence);
        }
        foreach (var copy in cardPosts)
        {
            var history = sends.Where(s => s.MessageId == copy.MessageId).OrderBy(s => s.Start).Select(s => s.Content!.Card!.State!).ToList();
            Assert.Equal(history.Order(StringComparer.Ordinal), history);
            Assert.Equal($"state {States}", history[^1]);
        }
    }

    /// <summary>
    /// A card's new state, staged as a click would stage it. On PostgreSQL a dispatcher may claim or record one of the
    /// card's posts between the read and the write: the save fails (a stale copy is never saved over it) and, as the
    /// inbox would, the change is made again. Returns how many times that happened.
    /// </summary>
    private static async Task<int> StageWithRetryAsync(DispatcherNode node, Card card)
    {
        for (var conflicts = 0; ; conflicts++)
        {
            try
            {
                await node.StageAsync(outbox => outbox.UpdateEverywhereAsync(card, CancellationToken.None));
                return conflicts;
            }
            catch (DbUpdateConcurrencyException) when (conflicts < 10)
            {
            }
        }
    }

    private static ((int Posts, int Updates) Staged, int Unsent) Count(StoreOptions store) => Read(store, db =>
        ((db.OutboxMessages.Count(m => m.Kind == OutboxKind.Post), db.OutboxMessages.Count(m => m.Kind == OutboxKind.Update)),
            db.OutboxMessages.Count(m => m.SentAt == null || m.Failed)));

    private static T Read<T>(StoreOptions store, Func<CmBotDb, T> query)
    {
        using var db = new CmBotDb(store.DbContextOptions());
        return query(db);
    }

    private static string Conversation(int i) => i < Conversations / 2 ? $"19:contended-{i:D2}@thread.tacv2" : $"C0CONTEND{i:D2}";

    private static string ChannelOf(string conversation) => conversation.StartsWith("19:", StringComparison.Ordinal) ? "teams" : "slack";

    /// <summary>A card goes to one Teams and one Slack conversation, which carry texts too.</summary>
    private static string[] CopiesOf(int card) => [Conversation(card % (Conversations / 2)), Conversation(Conversations / 2 + card % (Conversations / 2))];

    /// <summary>Sorts in staging order within its conversation.</summary>
    private static string Text(int i) => $"{Conversation(i % Conversations)} #{i / Conversations:D3}";

    private static Card Card(int card, int state) => new($"card-{card:D2}", CardKind.Draft, $"Card {card}") { State = $"state {state}" };

    private static string Describe(TimedPlatform.Send send) =>
        $"{send.Node} {send.Operation} {send.Content?.Text ?? send.Content?.Card?.State} [{send.Start}..{send.End}]";
}
