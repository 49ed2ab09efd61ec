using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CmBot.Domain.Drafts;
using CmBot.Tests.Slack;
using CmBot.Tests.Support;
using CmBot.Tests.Teams;
using Xunit.Abstractions;

namespace CmBot.Tests.Reliability;

/// <summary>
/// Issue 7, "nothing lost, nothing doubled": the real binary is killed with kill -9 in the middle of a burst of Approve
/// clicks on 100 draft cards (each posted in a Teams channel and a Slack channel, clicked in one of them) while the reply
/// deadlines of 20 comments pass; it is restarted on the same database and sent again every click that got no 200.
/// Every expected post and update must reach the fake Bot Connector and the fake Slack Web API: each approval exactly
/// one card update per posted copy; each comment its "overdue" call in both channels (and its "time is running out"
/// reminder, when a watch run found it before the deadline, as the store records), its card ending overdue everywhere.
/// <para>
/// The honest bound: neither the Bot Connector nor Slack's Web API takes an idempotency key, so a message the peer
/// received before the kill but the killed process had not yet recorded as sent is sent again after the restart. Nothing
/// else may arrive twice: every double must be among what the peers had received when the process died, and nothing
/// arrives three times. The dispatcher may have several sends in flight at once (to different conversations), so the
/// test does not assume one. It prints what it saw.
/// </para>
/// <para>
/// Refreshes of one card may coalesce (a comment's warning state is never sent on its own when the overdue state
/// overtakes it, and a post not yet sent carries the newest state), so for cards the test checks one post per copy and
/// the state each copy ends in. Teams does not document redelivering invokes and Slack does not redeliver
/// interactivity payloads: the re-sent click is the identical request (same activity id, same trigger_id), the case
/// the delivery key must absorb; a person clicking again is a new input, told who approved first.
/// </para>
/// </summary>
/// <remarks>Runs alone, with <see cref="KillTests"/>: two host processes and a burst would skew timing-sensitive tests beside it.</remarks>
[Collection(nameof(KillTests))]
public sealed class KillDuringApprovalsTests(ITestOutputHelper output)
{
    private const int Brands = 10;
    private const int Drafts = 100;
    private const int Comments = 20;
    private const int Senders = 8;
    /// <summary>Clicks are spread over ~6 s, so the burst spans the deadlines and the kill falls among both.</summary>
    private static readonly TimeSpan ClickSpacing = TimeSpan.FromMilliseconds(60);
    /// <summary>Time for the cards to go out before the first deadline (the comments are sent after the drafts).</summary>
    private static readonly TimeSpan FirstDeadline = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan DeadlineSpacing = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task KillDuringABurstOfApprovalsAndDeadlines_EveryPostAndUpdateArrives_DoublesOnlyAmongWhatThePeersHadAtTheKill()
    {
        var elapsed = Stopwatch.StartNew();
        await using var connector = await FakeConnector.StartAsync();
        await using var slack = await FakeSlackApi.StartAsync();
        var peers = new BurstPeers(connector, slack);
        var database = Path.Combine(Path.GetTempPath(), $"cmbot-kill-approvals-{Guid.NewGuid():N}.db");
        var brands = BurstBrand.Seed(database, Brands);
        var settings = new Dictionary<string, string>
        {
            ["Demo:Seed"] = "false",
            // A short lease, so what the killed process had claimed is taken up again soon after the restart.
            ["Delivery:Lease"] = "00:00:03",
            ["Delivery:PollInterval"] = "00:00:00.200",
            ["Reminders:WatchInterval"] = "00:00:01",
            ["Slack:SigningSecret"] = SlackHost.Secret,
            ["Slack:BotToken"] = SlackHost.BotToken,
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,
            ["Slack:PostInterval"] = "00:00:00.050",
        };
        var serviceUrl = connector.BaseUrl + "/";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        await using var first = await HostProcess.StartAsync(settings, database);
        var started = elapsed.Elapsed;

        // Teams tells the bot where a channel lives (its serviceUrl) with the first activity there.
        await Parallel.ForEachAsync(brands, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (brand, _) =>
        {
            var hello = BurstClick.InChannel(TeamsActivities.Message(serviceUrl, "help", brand.TeamsConversation), brand.TeamsConversation);
            using var answer = await http.PostAsJsonAsync(new Uri(first.BaseAddress, "/api/messages"), hello);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        });

        // The drafts, round the brands, as a planning tool would send them.
        var drafts = new (int Id, BurstBrand Brand)[Drafts];
        await Parallel.ForEachAsync(Enumerable.Range(0, Drafts), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
        {
            var brand = brands[i % Brands];
            using var created = await ApiAsync(http, first, brand, "/api/drafts", new { text = $"Burst post {i:D3}: the spring collection is in store", networks = new[] { "facebook" } });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            drafts[i] = ((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32(), brand);
        });

        // Comments due within the hour: received nearly an hour ago, so their deadlines fall 200 ms apart, from a few seconds on.
        var commentsSent = DateTimeOffset.UtcNow;
        var readers = Enumerable.Range(0, Comments).Select(r => (Reader: $"Reader{r:D2}", Brand: brands[r % Brands])).ToList();
        await Parallel.ForEachAsync(readers.GroupBy(c => c.Brand), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (brand, _) =>
        {
            var comments = brand.Select(c => new
            {
                network = "facebook", author = c.Reader, text = $"Do you ship to Lyon? asks {c.Reader}", externalId = "kill-" + c.Reader,
                receivedAt = Deadline(commentsSent, readers.IndexOf(c)) - TimeSpan.FromMinutes(60),
            });
            using var created = await ApiAsync(http, first, brand.Key, "/api/comments/batch", new { comments });
            Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        });

        // Every card out (the "time is running out" texts may still be on their way) before the clicks.
        var cards = (from d in drafts from p in Places(d.Brand) select (p.Channel, p.Conversation, Subject: $"draft-{d.Id}"))
            .Concat(from c in readers from p in Places(c.Brand) select (p.Channel, p.Conversation, Subject: "comment-" + c.Reader)).ToHashSet();
        await EventuallyAsync(() => cards.IsSubsetOf(peers.Posted()), TimeSpan.FromSeconds(40),
            () => $"every card posted before the burst; missing {cards.Except(peers.Posted()).Count()}, e.g. {cards.Except(peers.Posted()).FirstOrDefault()}");
        // Each copy's id, once the dispatcher has recorded it (in the same commit as "sent").
        var posts = await EventuallyAsync(() => BurstStore.CardPosts(database), rows => rows.Count == cards.Count, TimeSpan.FromSeconds(10), "every card post recorded");

        var cardsOut = elapsed.Elapsed;
        var clicks = drafts.Select((d, i) => i % 2 == 0
            ? BurstClick.Teams(serviceUrl, d.Brand.TeamsConversation, posts[(DraftCard.Key(d.Id), "teams")], d.Id, peers.TeamsCard(d.Brand.TeamsConversation, d.Id))
            : BurstClick.Slack(slack.ResponseUrl(), d.Brand.SlackChannel, posts[(DraftCard.Key(d.Id), "slack")], d.Id, peers.SlackCard(d.Brand.SlackChannel, d.Id))).ToList();

        // The burst starts a second before the first deadline (at once if the cards took longer).
        var start = Deadline(commentsSent, 0) - TimeSpan.FromSeconds(1) - DateTimeOffset.UtcNow;
        if (start > TimeSpan.Zero) await Task.Delay(start);
        var acked = new bool[clicks.Count];
        var (next, ackCount, killing) = (-1, 0, 0);
        var atKill = new List<PeerDelivery>();
        var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var burstStart = DateTime.UtcNow;
        async Task SendAll()
        {
            for (var i = Interlocked.Increment(ref next); i < clicks.Count; i = Interlocked.Increment(ref next))
            {
                var due = burstStart + i * ClickSpacing - DateTime.UtcNow;
                if (due > TimeSpan.Zero) await Task.Delay(due);
                if (Volatile.Read(ref killing) == 1) continue; // The process is gone: this click waits for the restart.
                acked[i] = await clicks[i].SendAsync(http, first);
                // Half acknowledged: kill -9 now, with clicks, deadline runs and sends in flight.
                if (acked[i] && Interlocked.Increment(ref ackCount) == clicks.Count / 2 && Interlocked.Exchange(ref killing, 1) == 0)
                {
                    first.KillHard();
                    await first.WaitForExitAsync();
                    atKill = await peers.SettledAsync();
                    killed.SetResult();
                }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, Senders).Select(_ => Task.Run(SendAll))).WaitAsync(TimeSpan.FromSeconds(40));
        await killed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var ackedBeforeKill = acked.Count(a => a);
        var killedAt = elapsed.Elapsed;
        var overdueAtKill = atKill.Count(d => d.Subject.StartsWith("overdue-", StringComparison.Ordinal));

        // Whatever got no 200 is sent again, to the restarted process on the same database.
        await using var second = await HostProcess.StartAsync(settings, database);
        var retried = Enumerable.Range(0, clicks.Count).Where(i => !acked[i]).ToList();
        await Parallel.ForEachAsync(retried, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
            Assert.True(await clicks[i].SendAsync(http, second), $"the click on draft {clicks[i].DraftId} ({clicks[i].Channel}) was refused after the restart"));
        var resent = elapsed.Elapsed;

        // What must arrive: every approval on every copy of its card, and each comment's "overdue" text in both channels.
        var required = (from d in drafts from p in Places(d.Brand) select new PeerDelivery(p.Channel, p.Conversation, "update", $"draft-{d.Id}", "approved"))
            .Concat(from c in readers from p in Places(c.Brand) select new PeerDelivery(p.Channel, p.Conversation, "post", "overdue-" + c.Reader, ""))
            .ToHashSet();
        var all = await peers.QuietAsync(required, TimeSpan.FromSeconds(40));
        // The "time is running out" text goes out when a watch run finds the comment before its deadline, which it did when the store says so.
        var reminded = BurstStore.Reminded(database);
        required.UnionWith(from c in readers where reminded.Contains(c.Reader) from p in Places(c.Brand) select new PeerDelivery(p.Channel, p.Conversation, "post", "closing-" + c.Reader, ""));

        var counts = all.GroupBy(d => d).ToDictionary(g => g.Key, g => g.Count());
        var missing = required.Where(e => !counts.ContainsKey(e)).Concat(cards.Except(peers.Posted())
            .Select(c => new PeerDelivery(c.Channel, c.Conversation, "post", c.Subject, "?"))).ToList();
        var unexpected = counts.Keys.Where(k => !IsAllowed(k, reminded)).ToList();
        var doubled = counts.Where(c => c.Value > 1).Select(c => c.Key).ToList();
        var heldAtKill = atKill.ToHashSet();
        output.WriteLine($"clicks acknowledged before the kill: {ackedBeforeKill}; not acknowledged (sent again after the restart): {retried.Count}; " +
            $"deliveries the peers had at the kill: {atKill.Count} (overdue texts {overdueAtKill} of {Comments * 2}); deliveries in all: {all.Count}; " +
            $"required: {required.Count} + {cards.Count} card posts; missing: {missing.Count}; unexpected: {unexpected.Count}; " +
            $"doubled: {doubled.Count} [{Describe(doubled)}]; time: {elapsed.Elapsed.TotalSeconds:0.0} s (host up {started.TotalSeconds:0.0} s, " +
            $"cards out {cardsOut.TotalSeconds:0.0} s, kill {killedAt.TotalSeconds:0.0} s, clicks re-sent {resent.TotalSeconds:0.0} s)");

        Assert.True(retried.Count > 0, "the kill came after every click was acknowledged: nothing was in flight");
        Assert.True(missing.Count == 0, "missing: " + Describe(missing));
        Assert.True(unexpected.Count == 0, "unexpected: " + Describe(unexpected));
        // Twice only what the peer already had when the process died, and never three times.
        Assert.All(counts, c => Assert.InRange(c.Value, 1, 2));
        Assert.All(doubled, d => Assert.True(heldAtKill.Contains(d), $"{d} arrived twice though the peer did not have it at the kill"));
        foreach (var copy in all.Where(d => d.Subject.StartsWith("draft-", StringComparison.Ordinal) || d.Subject.StartsWith("comment-", StringComparison.Ordinal))
            .GroupBy(d => (d.Channel, d.Conversation, d.Subject)))
        {
            // One copy of each card in each channel (its state may differ: a post not yet sent carries the newest).
            var copyPosts = copy.Where(d => d.Kind == "post").ToList();
            Assert.True(copyPosts.Count == 1 || (copyPosts.Count == 2 && copyPosts.Any(heldAtKill.Contains)), $"{copy.Key} posted {copyPosts.Count} times");
            // Refreshes of a card may coalesce: what counts is the state each copy ends in.
            var final = copy.Key.Subject.StartsWith("draft-", StringComparison.Ordinal) ? "approved" : "overdue";
            Assert.True(copy.Last().State == final, $"{copy.Key} ends {copy.Last().State}, not {final}: {string.Join(", ", copy.Select(d => $"{d.Kind} {d.State}"))}");
        }
    }

    private static (string Channel, string Conversation)[] Places(BurstBrand brand) => [("teams", brand.TeamsConversation), ("slack", brand.SlackChannel)];

    private static DateTimeOffset Deadline(DateTimeOffset commentsSent, int comment) => commentsSent + FirstDeadline + comment * DeadlineSpacing;

    /// <summary>What may arrive at all: a draft posted pending and updated approved; a comment card in its two states; the two texts.</summary>
    private static bool IsAllowed(PeerDelivery delivery, HashSet<string> reminded) => (delivery.Kind, delivery.Subject.Split('-')[0], delivery.State) switch
    {
        ("post", "draft", "pending") or ("update", "draft", "approved") => true,
        (_, "comment", "due" or "overdue") => true,
        ("post", "overdue", "") => true,
        ("post", "closing", "") => reminded.Contains(delivery.Subject["closing-".Length..]),
        _ => false,
    };

    private static Task<HttpResponseMessage> ApiAsync(HttpClient http, HostProcess host, BurstBrand brand, string path, object body) =>
        http.SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(host.BaseAddress, path))
        {
            Content = JsonContent.Create(body),
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", brand.ApiKey) },
        });

    private static async Task EventuallyAsync(Func<bool> condition, TimeSpan limit, Func<string> what)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out after {limit.TotalSeconds:0} s waiting for {what()}");
            await Task.Delay(100);
        }
    }

    private static async Task<T> EventuallyAsync<T>(Func<T> read, Func<T, bool> done, TimeSpan limit, string what)
    {
        var deadline = DateTime.UtcNow + limit;
        for (var value = read(); ; value = read())
        {
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out after {limit.TotalSeconds:0} s waiting for {what}");
            await Task.Delay(100);
        }
    }

    private static string Describe(IEnumerable<PeerDelivery> deliveries) =>
        string.Join(", ", deliveries.Take(12).Select(d => $"{d.Channel}:{d.Conversation} {d.Kind} {d.Subject} {d.State}".TrimEnd()));
}
