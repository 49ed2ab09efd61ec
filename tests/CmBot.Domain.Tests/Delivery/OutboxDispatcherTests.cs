using CmBot.Domain.Cards;
using CmBot.Domain.Conversations;
using CmBot.Domain.Delivery;
using CmBot.Domain.Store;
using CmBot.Domain.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CmBot.Domain.Tests.Delivery;

public sealed class OutboxDispatcherTests : IDisposable
{
    private readonly TestStore store = new();
    private readonly ManualClock clock = ManualClock.Default();
    private readonly RecordingSender teams = new();
    private readonly ServiceProvider services;

    public OutboxDispatcherTests()
    {
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(clock);
        collection.AddCmBotDomain();
        collection.AddSingleton(Options.Create(store.Options));
        collection.AddSingleton<IChannelSender>(teams);
        TestSecretProtector.AddTo(collection);
        services = collection.BuildServiceProvider();
    }

    private static Card DraftCard(string state) => new("draft-1", CardKind.Draft, "Draft 1") { State = state };

    private void Stage(Action<Outbox, CmBotDb> work)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CmBotDb>();
        work(scope.ServiceProvider.GetRequiredService<Outbox>(), db);
        db.SaveChanges();
    }

    /// <summary>The outbox rows' Content column as the database holds it, read past EF Core.</summary>
    private List<string> RawContents()
    {
        using var db = store.NewDb();
        return db.Database.SqlQueryRaw<string>("SELECT \"Content\" AS \"Value\" FROM \"OutboxMessages\"").ToList();
    }

    private Task<int> Dispatch() => services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);

    [Fact]
    public async Task Post_WhenSent_RemembersWhereTheCardWent()
    {
        Stage((outbox, _) => outbox.Post("teams", "conv-1", null, new OutboundContent(null, DraftCard("Pending"))));

        Assert.Equal(1, await Dispatch());

        var post = Assert.Single(store.NewDb().CardPosts.ToList());
        Assert.Equal(("draft-1", "conv-1", "m1"), (post.CardKey, post.ConversationId, post.MessageId));
    }

    [Fact]
    public async Task Post_ThrottledWithRetryAfter_IsSentOnceAfterTheWait()
    {
        teams.Failures.Enqueue(new DeliveryException(DeliveryFailure.Throttled, "429", TimeSpan.FromSeconds(30)));
        Stage((outbox, _) => outbox.Post("teams", "conv-1", null, new OutboundContent("hello", null)));

        Assert.Equal(0, await Dispatch());
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, await Dispatch());
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await Dispatch());
        Assert.Equal(0, await Dispatch());

        Assert.Single(teams.Calls);
    }

    [Fact]
    public async Task TenStateChanges_OfOnePostedCard_SendOneUpdateWithTheLastState()
    {
        Stage((outbox, _) => outbox.Post("teams", "conv-1", null, new OutboundContent(null, DraftCard("Pending"))));
        await Dispatch();

        for (var i = 1; i <= 10; i++)
        {
            var state = $"state {i}";
            Stage((outbox, _) => outbox.UpdateEverywhereAsync(DraftCard(state), CancellationToken.None).GetAwaiter().GetResult());
        }
        await Dispatch();

        var update = Assert.Single(teams.Calls, c => c.Operation == "update");
        Assert.Equal("state 10", update.Content!.Card!.State);
    }

    [Fact]
    public async Task UpdateBeforeThePostWentOut_ThePostCarriesTheNewState()
    {
        Stage((outbox, _) => outbox.Post("teams", "conv-1", null, new OutboundContent(null, DraftCard("Pending"))));
        Stage((outbox, _) => outbox.UpdateEverywhereAsync(DraftCard("Approved"), CancellationToken.None).GetAwaiter().GetResult());

        await Dispatch();

        var post = Assert.Single(teams.Calls);
        Assert.Equal(("post", "Approved"), (post.Operation, post.Content!.Card!.State));
    }

    [Fact]
    public async Task MessagesOfOneConversation_StayInOrder_WhenTheFirstIsPostponed()
    {
        teams.Failures.Enqueue(new DeliveryException(DeliveryFailure.Transient, "503"));
        Stage((outbox, _) =>
        {
            outbox.Post("teams", "conv-1", null, new OutboundContent("first", null));
            outbox.Post("teams", "conv-1", null, new OutboundContent("second", null));
            outbox.Post("teams", "conv-2", null, new OutboundContent("elsewhere", null));
        });

        await Dispatch();
        Assert.Equal(["elsewhere"], teams.Calls.Select(c => c.Content!.Text));

        clock.Advance(TimeSpan.FromMinutes(1));
        await Dispatch();
        Assert.Equal(["elsewhere", "first", "second"], teams.Calls.Select(c => c.Content!.Text));
    }

    [Fact]
    public async Task ConversationGone_UnlinksItAndTellsTheBrandWhereItStillCanPost()
    {
        var brand = new BrandBuilder().LinkedTo("teams", "conv-dead").LinkedTo("teams", "conv-alive").SaveIn(store.NewDb());
        teams.Failures.Enqueue(new DeliveryException(DeliveryFailure.ConversationGone, "403"));
        Stage((outbox, _) => outbox.Post("teams", "conv-dead", null, new OutboundContent("reminder", null)));

        await Dispatch();
        await Dispatch();

        using var db = store.NewDb();
        Assert.Equal(["conv-alive"], db.BrandChannels.Where(c => c.BrandId == brand.Id).Select(c => c.ConversationId));
        var notice = Assert.Single(teams.Calls);
        Assert.Equal("conv-alive", notice.ConversationId);
        Assert.Contains("no longer post", notice.Content!.Text);
    }

    [Fact]
    public async Task SensitiveText_IsDelivered_ThenWipedFromTheStore()
    {
        Stage((outbox, _) => outbox.Post("teams", "conv-1", null, new OutboundContent("key: cmb_abc_s3cret", null) { Sensitive = true }));

        await Dispatch();

        Assert.Equal("key: cmb_abc_s3cret", Assert.Single(teams.Calls).Content!.Text);
        Assert.DoesNotContain("s3cret", store.NewDb().OutboxMessages.Single().Content);
    }

    [Fact]
    public async Task SensitiveReply_IsStoredEncrypted_AndTheSenderGetsTheClearText()
    {
        Stage((outbox, _) => outbox.EnqueueRepliesAsync(new ChatAddress("teams", "conv-1"), null, [BotReply.SayOnce("key: cmb_abc_s3cret")], CancellationToken.None)
            .GetAwaiter().GetResult());

        var staged = Assert.Single(RawContents());
        Assert.DoesNotContain("s3cret", staged);
        Assert.DoesNotContain("key:", staged);

        await Dispatch();

        Assert.Equal("key: cmb_abc_s3cret", Assert.Single(teams.Calls).Content!.Text);
        Assert.DoesNotContain("s3cret", Assert.Single(RawContents()));
    }

    [Fact]
    public async Task SensitiveReply_WhoseSendFails_StaysEncrypted_UntilARetrySendsIt()
    {
        teams.Failures.Enqueue(new DeliveryException(DeliveryFailure.Transient, "503"));
        Stage((outbox, _) => outbox.Post("teams", "conv-1", null, new OutboundContent("key: cmb_abc_s3cret", null) { Sensitive = true }));

        await Dispatch();
        Assert.DoesNotContain("s3cret", Assert.Single(RawContents()));

        clock.Advance(TimeSpan.FromMinutes(1));
        await Dispatch();
        Assert.Equal("key: cmb_abc_s3cret", Assert.Single(teams.Calls).Content!.Text);
    }

    [Fact]
    public void SensitiveReply_WithoutAProtector_IsRefused_RatherThanStoredInClear()
    {
        using var db = store.NewDb();
        var outbox = new Outbox(db, clock);

        Assert.Throws<InvalidOperationException>(() => outbox.Post("teams", "conv-1", null, new OutboundContent("key: cmb_abc_s3cret", null) { Sensitive = true }));
        Assert.Empty(db.ChangeTracker.Entries<OutboxMessage>());
    }

    [Fact]
    public async Task SensitiveReply_ThatCannotBeDecrypted_IsGivenUpAtOnce()
    {
        Stage((outbox, _) => outbox.Post("teams", "conv-1", null, new OutboundContent("key: cmb_abc_s3cret", null) { Sensitive = true }));
        using (var db = store.NewDb())
            db.OutboxMessages.ExecuteUpdate(s => s.SetProperty(m => m.Content, """{"sensitive":true,"protected":"sealed with keys since lost"}"""));

        await Dispatch();

        Assert.Empty(teams.Calls);
        var message = store.NewDb().OutboxMessages.Single();
        Assert.True(message.Failed);
        Assert.Contains("cannot be decrypted", message.LastError);
    }

    [Fact]
    public async Task Rejected_IsGivenUpAtOnce_AndNotRetried()
    {
        teams.Failures.Enqueue(new DeliveryException(DeliveryFailure.Rejected, "400 bad card"));
        Stage((outbox, _) => outbox.Post("teams", "conv-1", null, new OutboundContent("x", null)));

        await Dispatch();
        clock.Advance(TimeSpan.FromHours(1));
        await Dispatch();

        Assert.Empty(teams.Calls);
        Assert.True(store.NewDb().OutboxMessages.Single().Failed);
    }

    [Fact]
    public async Task TwoDispatchers_RacingOverTheSameMessages_SendEachOnce()
    {
        Stage((outbox, _) =>
        {
            for (var i = 0; i < 40; i++) outbox.Post("teams", $"conv-{i % 4}", null, new OutboundContent($"m{i}", null));
        });
        var other = new OutboxDispatcher(services.GetRequiredService<IServiceScopeFactory>(), [teams], clock,
            services.GetRequiredService<IOptions<DeliveryOptions>>(), Microsoft.Extensions.Logging.Abstractions.NullLogger<OutboxDispatcher>.Instance,
            services.GetRequiredService<SensitiveContent>());

        teams.Latency = TimeSpan.FromMilliseconds(2);

        await Task.WhenAll(Task.Run(Dispatch), Task.Run(() => other.DispatchDueAsync(CancellationToken.None)), Task.Run(Dispatch));

        Assert.Equal(40, teams.Calls.Select(c => c.Content!.Text).Distinct().Count());
        Assert.Equal(40, teams.Calls.Count);
    }

    public void Dispose()
    {
        services.Dispose();
        store.Dispose();
    }
}
