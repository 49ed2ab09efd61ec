using CmBot.Domain.Common;
using CmBot.Domain.Conversations;
using CmBot.Domain.Drafts;
using CmBot.Domain.Tests.Drafts;
using CmBot.Domain.Tests.Support;

namespace CmBot.Domain.Tests.Reliability;

/// <summary>
/// Issue 7, "nothing doubled": many approvers clicking the same card at once, each from their own client (own
/// services, own scope, own thread) on one store, as people in one channel would.
/// </summary>
public sealed class ParallelApprovalTests : IDisposable
{
    private static readonly ChatUser[] Approvers =
        [.. Enumerable.Range(1, 20).Select(i => new ChatUser($"u-approver-{i}", $"Approver {i}"))];

    private readonly DraftChat room = new(brand =>
    {
        foreach (var approver in Approvers) brand.WithApprover(approver);
    });

    [Fact]
    public async Task TwentyApprovers_ClickingApproveAtTheSameMoment_OneApproval_NineteenToldWhoApproved()
    {
        var draft = room.Given();
        var card = await room.ShowDraft(draft.Id);
        // TestChannel is not thread-safe: one per approver, like one client per person.
        var clients = Approvers.Select(_ => room.AnotherClient()).ToList();
        // Every click waits at the gate, so they reach the store together rather than in start order.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clicks = Approvers.Select((approver, i) => Task.Run(async () =>
        {
            await gate.Task;
            return await clients[i].Click(approver, card, "Approve");
        })).ToList();
        gate.SetResult();
        await Task.WhenAll(clicks).WaitAsync(TimeSpan.FromSeconds(60));

        var stored = room.Stored(draft.Id);
        Assert.Equal((DraftState.Approved, 1), (stored.State, stored.Version));
        var winner = stored.DecidedByName;
        var winners = clients.Where(c => c.Last.Count == 1 && c.Last[0] is CardUpdate).ToList();
        Assert.Single(winners);
        var losers = clients.Except(winners).ToList();
        Assert.Equal(19, losers.Count);
        Assert.All(losers, loser => Assert.Equal($"{winner} already approved draft {draft.Id} just now.", loser.LastText));
        Assert.All(losers, loser => Assert.Equal($"Approved by {winner} · just now", loser.LastCard.State));
        foreach (var client in clients) client.Dispose();
    }

    public void Dispose() => room.Dispose();
}
