using CmBot.Domain.Conversations;
using CmBot.Domain.Tests.Support;

namespace CmBot.Domain.Tests.Conversations;

public sealed class ConversationTests : IDisposable
{
    private readonly TestStore store = new();
    private readonly TestChannel chat;

    public ConversationTests()
    {
        chat = new TestChannel(store, ManualClock.Default());
        chat.WithDb(db => new BrandBuilder().WithApprover(BrandBuilder.Ana).LinkedTo("test", "room-1").SaveIn(db));
    }

    [Fact]
    public async Task Help_ShowsACardListingTheCommands()
    {
        await chat.Say(BrandBuilder.Ana, "help");

        Assert.Equal("help", chat.LastCard.Key);
        Assert.Contains("`help`", chat.LastCard.Text);
    }

    [Fact]
    public async Task Help_WithATypo_StillAnswers()
    {
        await chat.Say(BrandBuilder.Ana, "hlep");

        Assert.Equal("help", chat.LastCard.Key);
    }

    [Fact]
    public async Task UnknownInput_GetsAShortHelpAnswer()
    {
        await chat.Say(BrandBuilder.Ana, "what is the meaning of life");

        Assert.Contains("help", chat.LastText);
    }

    [Fact]
    public async Task UnknownButton_IsAnsweredNotIgnored()
    {
        await chat.Send(new ChatInput(chat.Where, BrandBuilder.Ana, Click: new CardClick("no.such.verb", new Dictionary<string, string>())));

        Assert.Contains("no longer supported", chat.LastText);
    }

    [Fact]
    public async Task RetriedDelivery_IsAnsweredOnce_AndChangesNothingTheSecondTime()
    {
        var input = new ChatInput(chat.Where, BrandBuilder.Ana, Text: "agenda add Budget") { DeliveryId = "test:delivery-1" };

        var first = await chat.Send(input);
        var retry = await chat.Send(input);

        Assert.NotEmpty(first);
        Assert.Empty(retry);
        Assert.Equal(1, chat.WithDb(db => db.AgendaItems.Count()));
    }

    [Fact]
    public async Task RetriedDelivery_OfARefusedMove_IsStillRecognised()
    {
        var input = new ChatInput(chat.Where, BrandBuilder.Outsider, Text: "brand set deadline 30") { DeliveryId = "test:delivery-2" };

        await chat.Send(input);
        var retry = await chat.Send(input);

        Assert.Empty(retry);
    }

    [Fact]
    public async Task Replies_AreWrittenToTheOutbox_WithTheChangeThatCausedThem()
    {
        await chat.Say(BrandBuilder.Ana, "agenda add Budget");

        var staged = chat.WithDb(db => db.OutboxMessages.ToList());
        Assert.NotEmpty(staged);
        Assert.All(staged, m => Assert.Equal(("test", "room-1"), (m.Channel, m.ConversationId)));
    }

    public void Dispose()
    {
        chat.Dispose();
        store.Dispose();
    }
}
