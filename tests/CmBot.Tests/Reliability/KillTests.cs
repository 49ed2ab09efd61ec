using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CmBot.Domain.Delivery;
using CmBot.Tests.Support;
using CmBot.Tests.Teams;
using Xunit.Abstractions;

namespace CmBot.Tests.Reliability;

/// <summary>
/// Issue 7, "nothing lost": the real binary is killed with kill -9 in the middle of a burst of Teams messages, restarted
/// on the same database, and sent again what was not acknowledged, as Teams retries. Every message must get its reply.
/// Exactly-once delivery to the connector cannot be promised: a reply the connector received before the kill but the
/// process had not yet marked sent is sent again (the Bot Connector has no idempotency key). A help card goes straight
/// from the inbox, and its entry is marked handled once the batch's sends are done, so only replies in flight or awaiting
/// that mark at the kill can be doubled (at most a batch), each only once, and only ones the connector had already received from the killed process; the
/// test asserts exactly that and prints what it saw.
/// </summary>
/// <remarks>Runs alone: two host processes and a 200-message burst would skew the timing-sensitive tests beside it, and they it.</remarks>
[Collection(nameof(KillTests))]
public sealed class KillTests(ITestOutputHelper output)
{
    private const int Messages = 200;
    private const int Senders = 8;

    [Fact]
    public async Task KillDuringABurstOf200Messages_NoAcknowledgedMessageLost_OnlyRepliesInFlightAtTheKillDoubled()
    {
        await using var connector = await FakeConnector.StartAsync();
        var database = Path.Combine(Path.GetTempPath(), $"cmbot-kill-{Guid.NewGuid():N}.db");
        // Local development mode (no app id); a short lease so what the killed process had claimed is taken up again quickly.
        var settings = new Dictionary<string, string> { ["Delivery:Lease"] = "00:00:03" };
        // One conversation per message, so each reply counts for exactly one activity.
        var activities = Enumerable.Range(0, Messages)
            .Select(i => TeamsActivities.Message(connector.BaseUrl + "/", "help", Conversation(i), id: $"kill-activity-{i:D3}")).ToList();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        await using var first = await HostProcess.StartAsync(settings, database);
        var acked = new bool[Messages];
        var (next, ackCount, killing) = (-1, 0, 0);
        var sentByFirst = new HashSet<string>();
        var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task SendAll()
        {
            for (var i = Interlocked.Increment(ref next); i < Messages; i = Interlocked.Increment(ref next))
            {
                acked[i] = await PostAsync(http, first, activities[i]);
                // Half acknowledged: kill -9 now, with requests, inbox handling and replies still in flight.
                if (acked[i] && Interlocked.Increment(ref ackCount) == Messages / 2 && Interlocked.Exchange(ref killing, 1) == 0)
                {
                    first.KillHard();
                    await first.WaitForExitAsync();
                    sentByFirst = [.. Replies(connector).Select(r => r.Conversation)];
                    killed.SetResult();
                }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, Senders).Select(_ => Task.Run(SendAll))).WaitAsync(TimeSpan.FromSeconds(30));
        await killed.Task.WaitAsync(TimeSpan.FromSeconds(5));
        var ackedBeforeKill = acked.Count(a => a);

        // The platform retries whatever did not get a 200; the restarted process must take each one.
        await using var second = await HostProcess.StartAsync(settings, database);
        var retried = Enumerable.Range(0, Messages).Where(i => !acked[i]).ToList();
        foreach (var i in retried) Assert.True(await PostAsync(http, second, activities[i]), $"message {i} refused after the restart");

        var replies = await QuietAsync(connector, TimeSpan.FromSeconds(30));
        var perConversation = replies.GroupBy(r => r.Conversation).ToDictionary(g => g.Key, g => g.Count());
        var lost = Enumerable.Range(0, Messages).Select(Conversation).Where(c => !perConversation.ContainsKey(c)).ToList();
        var doubled = perConversation.Where(p => p.Value > 1).Select(p => p.Key).ToList();
        output.WriteLine($"acknowledged before the kill: {ackedBeforeKill}; not acknowledged (retried after restart): {retried.Count}; " +
            $"replies the killed process had sent: {sentByFirst.Count}; replies in all: {replies.Count}; lost: {lost.Count}; doubled: {doubled.Count} [{string.Join(", ", doubled)}]");

        Assert.Empty(lost);
        Assert.All(perConversation.Values, count => Assert.InRange(count, 1, 2));
        Assert.InRange(doubled.Count, 0, new DeliveryOptions().BatchSize);
        Assert.All(doubled, conversation => Assert.Contains(conversation, sentByFirst));
    }

    private static string Conversation(int i) => $"a:kill-{i:D3}";

    /// <summary>True only for a 200: anything else, or no answer at all, is what Teams would retry.</summary>
    private static async Task<bool> PostAsync(HttpClient http, HostProcess host, JsonObject activity)
    {
        try
        {
            using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(new Uri(host.BaseAddress, "/api/messages"), content);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException) { return false; }
        catch (TaskCanceledException) { return false; }
    }

    /// <summary>The messages posted to conversations (not updates), by conversation id.</summary>
    private static List<(string Conversation, ConnectorCall Call)> Replies(FakeConnector connector) =>
        [.. connector.Calls.Where(c => c.Method == "POST").Select(c => (Uri.UnescapeDataString(c.RawTarget), c))
            .Where(c => c.Item1.Contains("/conversations/", StringComparison.Ordinal) && c.Item1.EndsWith("/activities", StringComparison.Ordinal))
            .Select(c => (c.Item1.Split("/conversations/")[1].Split('/')[0], c.c))];

    /// <summary>Waits until every message has a reply and nothing more came for two seconds (a late duplicate would), within a bound.</summary>
    private static async Task<List<(string Conversation, ConnectorCall Call)>> QuietAsync(FakeConnector connector, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        var (seen, quietSince) = (-1, DateTime.UtcNow);
        while (DateTime.UtcNow < deadline)
        {
            var replies = Replies(connector);
            if (replies.Count != seen) (seen, quietSince) = (replies.Count, DateTime.UtcNow);
            else if (replies.Select(r => r.Conversation).Distinct().Count() >= Messages && DateTime.UtcNow - quietSince > TimeSpan.FromSeconds(2))
                return replies;
            await Task.Delay(100);
        }
        return Replies(connector);
    }
}

[CollectionDefinition(nameof(KillTests), DisableParallelization = true)]
public sealed class KillTestsCollection;
