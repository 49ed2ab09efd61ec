using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using CmBot.Tests.Teams;
using Xunit.Abstractions;

namespace CmBot.Tests.Reliability;

/// <summary>
/// Bad input: 10,000 generated and mutated payloads (fixed seed) spread over every POST door, four at a time through the
/// in-memory client. None may get a 5xx or log an error with an exception; every 500 payloads a well-formed Teams
/// "help" and Slack url_verification still succeed and /healthz still answers, and every help card reaches the connector.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class FuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20261121;
    private const int Count = 10_000;
    private const int CheckEvery = 500;

    [Fact]
    public async Task TenThousandBadPayloads_NoServerError_NoLoggedException_AndValidRequestsStillSucceed()
    {
        await using var host = await ReliabilityHost.StartAsync();
        var payloads = new FuzzPayloads(Seed, host);
        var statuses = new ConcurrentDictionary<(string, int), int>();
        var failures = new ConcurrentQueue<string>();
        var helpConversations = new ConcurrentBag<string>();
        using var budget = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var clock = Stopwatch.StartNew();

        await Parallel.ForEachAsync(Enumerable.Range(0, Count), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = budget.Token }, async (n, _) =>
        {
            if (n % CheckEvery == 0) await CheckValidRequestsAsync(host, n, failures, helpConversations);
            var payload = payloads.Make(n);
            using var response = await host.SendAsync(payload.Path, payload.Body, payload.ContentType);
            statuses.AddOrUpdate((payload.Path, (int)response.StatusCode), 1, (_, c) => c + 1);
            if ((int)response.StatusCode >= 500)
                failures.Enqueue($"#{n} {payload.Path} [{payload.Damage}] → {(int)response.StatusCode}: {Preview(payload.Body)}");
        });
        var sent = clock.Elapsed;

        foreach (var conversation in helpConversations)
            await host.Connector.WaitForAsync(c => c.Method == "POST" && c.RawTarget.Contains(Uri.EscapeDataString(conversation), StringComparison.Ordinal), seconds: 30);
        var health = await host.Client.GetAsync("/healthz");

        output.WriteLine($"{Count} payloads in {sent.TotalSeconds:0.0} s ({Count / sent.TotalSeconds:0} per second); {helpConversations.Count} help cards delivered after {clock.Elapsed.TotalSeconds:0.0} s");
        foreach (var ((path, status), count) in statuses.OrderBy(s => s.Key))
            output.WriteLine($"  {path,-22} {status} × {count}");
        Assert.Empty(failures);
        Assert.True(host.Errors.Entries.Count == 0, string.Join("\n\n", host.Errors.Entries));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(Count / CheckEvery, helpConversations.Count);
    }

    private static async Task CheckValidRequestsAsync(ReliabilityHost host, int n, ConcurrentQueue<string> failures, ConcurrentBag<string> helpConversations)
    {
        var conversation = $"a:fuzz-check-{n}";
        var help = TeamsActivities.Message(host.ServiceUrl, "help", conversation).ToJsonString();
        using var teams = await host.SendAsync("/api/messages", Encoding.UTF8.GetBytes(help), "application/json");
        if (teams.StatusCode == HttpStatusCode.OK) helpConversations.Add(conversation);
        else failures.Enqueue($"check #{n}: Teams help → {(int)teams.StatusCode}");

        var challenge = $"challenge-{n}";
        var verification = JsonSerializer.SerializeToUtf8Bytes(new { token = "t", challenge, type = "url_verification" });
        using var slack = await host.SendAsync("/slack/events", verification, "application/json");
        var answer = await slack.Content.ReadAsStringAsync();
        if (slack.StatusCode != HttpStatusCode.OK || !answer.Contains(challenge, StringComparison.Ordinal))
            failures.Enqueue($"check #{n}: Slack url_verification → {(int)slack.StatusCode} {answer}");

        using var health = await host.Client.GetAsync("/healthz");
        if (health.StatusCode != HttpStatusCode.OK) failures.Enqueue($"check #{n}: /healthz → {(int)health.StatusCode}");
    }

    private static string Preview(byte[] body) => Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 300)));
}
