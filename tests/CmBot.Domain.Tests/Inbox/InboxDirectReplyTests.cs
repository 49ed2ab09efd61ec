using CmBot.Domain.Delivery;
using CmBot.Domain.Store;
using CmBot.Domain.Tests.Delivery;
using CmBot.Domain.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Tests.Inbox;

/// <summary>
/// A read-only answer goes out straight from the inbox, not through the outbox, unless something of its conversation
/// is still waiting there; one that cannot go is staged in the outbox as before, so nothing is lost.
/// </summary>
public sealed class InboxDirectReplyTests : IDisposable
{
    private readonly TestStore store = new();
    private readonly RecordingSender channel = new("test");

    public InboxDirectReplyTests()
    {
        using var db = store.NewDb();
        new BrandBuilder("Acme").WithApprover(BrandBuilder.Ana).LinkedTo("test", "c1").LinkedTo("test", "c3").SaveIn(db);
        new BrandBuilder("Brie").InFrench().WithApprover(BrandBuilder.Ana).LinkedTo("test", "c2").SaveIn(db);
    }

    public void Dispose() => store.Dispose();

    [Fact]
    public async Task Help_InTwoBrandsConversations_IsSentStraightAway_EachInItsBrandsLanguage()
    {
        await using var host = new InboxHost(store.Options, channel);
        await host.AcceptAsync("c1", BrandBuilder.Ana, "help");
        await host.AcceptAsync("c2", BrandBuilder.Ana, "help");

        Assert.Equal(2, await host.Processor.ProcessDueAsync(CancellationToken.None));

        var titles = channel.Calls.ToDictionary(c => c.ConversationId, c => c.Content!.Card!.Title);
        Assert.Equal("What I can do", titles["c1"]);
        Assert.Equal("Ce que je sais faire", titles["c2"]);
        using var db = store.NewDb();
        Assert.Empty(db.OutboxMessages);
        Assert.True(await db.InboxEntries.AllAsync(e => e.ProcessedAt != null));
    }

    [Fact]
    public async Task Help_BehindAMessageStillWaitingInTheOutbox_QueuesBehindIt()
    {
        using (var db = store.NewDb())
        {
            new Outbox(db, TimeProvider.System).Post("test", "c1", null, new OutboundContent("sent before the help", null));
            await db.SaveChangesAsync();
        }
        await using var host = new InboxHost(store.Options, channel);
        await host.AcceptAsync("c1", BrandBuilder.Ana, "help");
        await host.AcceptAsync("c3", BrandBuilder.Ana, "help");

        await host.Processor.ProcessDueAsync(CancellationToken.None);

        Assert.Equal(["c3"], channel.Calls.Select(c => c.ConversationId));
        using var check = store.NewDb();
        var waiting = await check.OutboxMessages.OrderBy(m => m.Id).Select(m => m.ConversationId).ToListAsync();
        Assert.Equal(["c1", "c1"], waiting);
    }

    [Fact]
    public async Task Help_ToAConversationThatMustWaitForItsPace_IsStagedInTheOutbox_TheOtherGoesStraightAway()
    {
        channel.Paced["c1"] = true;
        await using var host = new InboxHost(store.Options, channel);
        await host.AcceptAsync("c1", BrandBuilder.Ana, "help");
        await host.AcceptAsync("c2", BrandBuilder.Ana, "help");

        await host.Processor.ProcessDueAsync(CancellationToken.None);

        Assert.Equal(["c2"], channel.Calls.Select(c => c.ConversationId));
        using var db = store.NewDb();
        Assert.Equal("c1", Assert.Single(db.OutboxMessages).ConversationId);
        Assert.True(await db.InboxEntries.AllAsync(e => e.ProcessedAt != null));
    }

    [Fact]
    public async Task Help_WhenTheChannelRefusesIt_IsStagedInTheOutbox_NotLost()
    {
        channel.Failures.Enqueue(new DeliveryException(DeliveryFailure.Throttled, "429", TimeSpan.FromSeconds(1)));
        await using var host = new InboxHost(store.Options, channel);
        await host.AcceptAsync("c1", BrandBuilder.Ana, "help");

        await host.Processor.ProcessDueAsync(CancellationToken.None);

        using var db = store.NewDb();
        var staged = Assert.Single(db.OutboxMessages);
        Assert.Equal(("c1", null), (staged.ConversationId, staged.SentAt));
        Assert.Contains("\"key\":\"help\"", staged.Content);
        Assert.True(await db.InboxEntries.AllAsync(e => e.ProcessedAt != null));
    }

    [Fact]
    public async Task Numbers_AfterADialogStartedInAnEarlierPass_GoesToTheDialog_NotStraightOut()
    {
        await using var host = new InboxHost(store.Options, channel);
        await host.AcceptAsync("c1", BrandBuilder.Ana, "new draft");
        await host.Processor.ProcessDueAsync(CancellationToken.None);
        using (var db = store.NewDb()) // The dialog's prompt went out: nothing of c1 waits in the outbox any more.
            await db.OutboxMessages.ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, DateTimeOffset.UtcNow));
        await host.AcceptAsync("c1", BrandBuilder.Ana, "numbers");

        await host.Processor.ProcessDueAsync(CancellationToken.None);

        Assert.Empty(channel.Calls);
        using var check = store.NewDb();
        Assert.DoesNotContain(await check.OutboxMessages.Select(m => m.Content).ToListAsync(), c => c.Contains("\"key\":\"numbers-"));
    }
    [Fact]
    public async Task HelpThenNumbers_InOneConversationInOneBatch_BothGoStraightOut_InOrder()
    {
        await using var host = new InboxHost(store.Options, channel);
        await host.AcceptAsync("c1", BrandBuilder.Ana, "help");
        await host.AcceptAsync("c1", BrandBuilder.Ana, "numbers");

        Assert.Equal(2, await host.Processor.ProcessDueAsync(CancellationToken.None));

        Assert.Equal(["help", "numbers"], channel.Calls.Select(c => c.Content!.Card!.Key.Split('-')[0]));
        using var db = store.NewDb();
        Assert.Empty(db.OutboxMessages);
    }

    [Fact]
    public async Task FiveHelps_InOneConversation_TheFirstThreeGoStraightOut_TheRestQueueInTheOutbox()
    {
        await using var host = new InboxHost(store.Options, channel);
        for (var i = 0; i < 5; i++) await host.AcceptAsync("c1", BrandBuilder.Ana, "help");

        await host.Processor.ProcessDueAsync(CancellationToken.None);

        Assert.Equal(3, channel.Calls.Count);
        using var db = store.NewDb();
        Assert.Equal(2, await db.OutboxMessages.CountAsync(m => m.ConversationId == "c1" && m.SentAt == null));
        Assert.True(await db.InboxEntries.AllAsync(e => e.ProcessedAt != null));
    }

    [Fact]
    public async Task Help_AfterANewDraftInTheSameBatch_GoesToTheDialog_BehindItsPrompt()
    {
        await using var host = new InboxHost(store.Options, channel);
        await host.AcceptAsync("c1", BrandBuilder.Ana, "new draft");
        await host.AcceptAsync("c1", BrandBuilder.Ana, "help");

        await host.Processor.ProcessDueAsync(CancellationToken.None);

        Assert.Empty(channel.Calls);
        using var db = store.NewDb();
        var queued = await db.OutboxMessages.OrderBy(m => m.Id).Select(m => m.Content).ToListAsync();
        Assert.Equal(2, queued.Count); // The dialog's first question, then its answer to "help" (not the help card).
        Assert.All(queued, content => Assert.DoesNotContain("\"key\":\"help\"", content));
    }

    [Fact]
    public async Task Numbers_AfterAHelpTheChannelRefused_IsNotSentAheadOfIt()
    {
        channel.Failures.Enqueue(new DeliveryException(DeliveryFailure.Throttled, "429", TimeSpan.FromSeconds(1)));
        await using var host = new InboxHost(store.Options, channel);
        await host.AcceptAsync("c1", BrandBuilder.Ana, "help");
        await host.AcceptAsync("c1", BrandBuilder.Ana, "numbers");

        await host.Processor.ProcessDueAsync(CancellationToken.None);

        Assert.Empty(channel.Calls);
        using var db = store.NewDb();
        var queued = await db.OutboxMessages.OrderBy(m => m.Id).Select(m => m.Content).ToListAsync();
        Assert.Equal(2, queued.Count);
        Assert.Contains("\"key\":\"help\"", queued[0]);
        Assert.Contains("\"key\":\"numbers-", queued[1]);
    }
}
