using CmBot.Domain.Agenda;
using CmBot.Domain.Cards;
using CmBot.Domain.Conversations;
using CmBot.Domain.Tests.Support;
using static CmBot.Domain.Tests.Support.BrandBuilder;

namespace CmBot.Domain.Tests.Agenda;

public sealed class AgendaConversationTests : IDisposable
{
    private readonly TestStore store = new();
    private readonly ManualClock clock = ManualClock.Default();
    private readonly TestChannel chat;
    private readonly int brandId;

    public AgendaConversationTests()
    {
        chat = new TestChannel(store, clock);
        brandId = chat.WithDb(db => new BrandBuilder().WithMember(Ana).WithMember(Bob).LinkedTo("test", "room-1").SaveIn(db)).Id;
    }

    [Fact]
    public async Task AgendaAdd_ThenAgenda_ListsTheItem()
    {
        await chat.Say(Ana, "agenda add Budget for the spring campaign");
        await chat.Say(Bob, "agenda");

        var card = chat.LastCard;
        Assert.Equal($"agenda-{brandId}-2026-W47", card.Key);
        Assert.Equal(CardKind.Agenda, card.Kind);
        var item = Assert.Single(card.Sections, s => s.Title == "Budget for the spring campaign");
        Assert.Contains("Ana", item.Text);
        Assert.Contains(item.Actions, a => a.Verb == AgendaVerbs.MarkDiscussed);
    }

    [Theory]
    [InlineData("ordre du jour ajouter Salon du chocolat")]
    [InlineData("agenda ajouter Salon du chocolat")]
    public async Task AgendaAdd_InFrench_AddsTheItem(string typed)
    {
        await chat.Say(Ana, typed);
        await chat.Say(Ana, "ordre du jour");

        Assert.Contains(chat.LastCard.Sections, s => s.Title == "Salon du chocolat");
    }

    [Fact]
    public async Task AgendaAdd_WithNoText_IsRefusedWithAUsageHint()
    {
        await chat.Say(Ana, "agenda add");

        Assert.Contains("agenda add <text>", chat.LastText);
        Assert.Equal(0, chat.WithDb(db => db.AgendaItems.Count()));
    }

    [Fact]
    public async Task Agenda_ShowsTheSyncSlotInLocalTime()
    {
        await chat.Say(Ana, "agenda");

        // Week 47 of 2026: Monday 16 November, 09:30 in Paris.
        Assert.Contains(chat.LastCard.Facts, f => f.Value == "Mon, Nov 16, 09:30");
    }

    [Fact]
    public async Task MarkDiscussed_RefreshesTheCard_AndASecondClickSaysWhoMarkedIt()
    {
        await chat.Say(Ana, "agenda add Budget");
        await chat.Say(Ana, "agenda");
        var posted = chat.LastCard;

        await chat.Click(Bob, posted, "Mark discussed");
        var update = Assert.IsType<CardUpdate>(Assert.Single(chat.Last));
        Assert.Equal(posted.Key, update.Card.Key);
        Assert.Contains("Discussed, marked by Bob", update.Card.Sections.Single(s => s.Title == "Budget").Text);
        Assert.DoesNotContain(update.Card.AllActions, a => a.Verb == AgendaVerbs.MarkDiscussed);

        clock.Advance(TimeSpan.FromMinutes(3));
        await chat.Click(Ana, posted, "Mark discussed");

        Assert.Contains("already marked discussed by Bob", chat.LastText);
        Assert.Equal("Bob", chat.WithDb(db => db.AgendaItems.Single().DiscussedByName));
    }

    [Fact]
    public async Task AddItemAction_AddsTheTextOfItsForm_AndRefreshesTheCard()
    {
        await chat.Say(Ana, "agenda");

        await chat.Click(Bob, chat.LastCard, "Add item", new Dictionary<string, string> { [AgendaVerbs.TextKey] = "Influencer brief" });

        var update = Assert.IsType<CardUpdate>(Assert.Single(chat.Last));
        Assert.Contains(update.Card.Sections, s => s.Title == "Influencer brief");
    }

    [Fact]
    public async Task MarkDiscussed_WithAnotherBrandsId_IsRefused()
    {
        await chat.Say(Ana, "agenda add Budget");
        var itemId = chat.WithDb(db => db.AgendaItems.Single().Id);

        await chat.Send(new ChatInput(chat.Where, Ana, Click: new CardClick(AgendaVerbs.MarkDiscussed, new Dictionary<string, string>
        {
            [AgendaVerbs.BrandKey] = (brandId + 1).ToString(),
            [AgendaVerbs.ItemKey] = itemId.ToString(),
        })));

        Assert.Contains("another brand", chat.LastText);
        Assert.Null(chat.WithDb(db => db.AgendaItems.Single().DiscussedAt));
    }

    public void Dispose()
    {
        chat.Dispose();
        store.Dispose();
    }
}
