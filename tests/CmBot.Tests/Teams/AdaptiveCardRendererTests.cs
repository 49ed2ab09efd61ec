using System.Text;
using System.Text.Json.Nodes;
using CmBot.Domain.Cards;
using CmBot.Domain.Common;
using CmBot.Domain.Conversations;
using CmBot.Domain.Delivery;
using CmBot.Domain.Demo;
using CmBot.Teams.Cards;
using CmBot.Teams.Connector;
using CmBot.Teams.Inbound;
using CmBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CmBot.Tests.Teams;

/// <summary>Every kind of card the domain builds, rendered to Adaptive Card 1.5 as Teams needs it (teams.md §4).</summary>
public sealed class AdaptiveCardRendererTests
{
    [Fact]
    public async Task EveryCardKind_RendersToAWellFormedAdaptiveCard15()
    {
        var cards = await DomainCardsAsync();
        cards.Add(WelcomeCard.Build());

        Assert.Equal(Enum.GetValues<CardKind>().ToHashSet(), cards.Select(c => c.Kind).ToHashSet());
        Assert.All(cards, AssertWellFormed);
    }

    [Fact]
    public async Task EveryCardKind_ParsesInMicrosoftsAdaptiveCardsRenderer_WithoutWarnings()
    {
        var cards = await DomainCardsAsync();
        cards.Add(WelcomeCard.Build());
        var file = Path.Combine(Path.GetTempPath(), $"cmbot-cards-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, new JsonArray([.. cards.Select(c => (JsonNode)AdaptiveCardRenderer.Render(c))]).ToJsonString());

        var results = JsonNode.Parse(await NodePeers.RunScriptAsync("validate-cards.cjs", file))!.AsArray();

        File.Delete(file);
        Assert.Equal(cards.Count, results.Count);
        Assert.All(results, r => Assert.True(r!["problems"]!.AsArray().Count == 0,
            $"{cards[(int)r["index"]!].Key}: {r["problems"]!.ToJsonString()}"));
    }

    [Fact]
    public async Task Renderer_ReportsWhatItCannotParse()
    {
        var file = Path.Combine(Path.GetTempPath(), $"cmbot-cards-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """[{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Carousel2000"}]}]""");

        var results = JsonNode.Parse(await NodePeers.RunScriptAsync("validate-cards.cjs", file))!.AsArray();

        File.Delete(file);
        Assert.NotEmpty(results[0]!["problems"]!.AsArray());
    }

    [Fact]
    public async Task DraftCard_EditOpensAShowCardWithEveryInputPrefilled()
    {
        var draft = (await DomainCardsAsync()).First(c => c.Kind == CardKind.Draft);

        var rendered = AdaptiveCardRenderer.Render(draft);

        var edit = Walk(rendered).Single(n => (string?)n["type"] == "Action.ShowCard" && (string?)n["title"] == draft.Actions.Single(a => a.Verb == "draft.edit").Label);
        var inputs = Walk(edit["card"]).Where(n => ((string?)n["type"] ?? "").StartsWith("Input.", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Input.Text", "Input.ChoiceSet", "Input.Date", "Input.Time"], inputs.Select(i => (string?)i["type"]));
        Assert.True((bool?)inputs[0]["isMultiline"]);
        Assert.Equal(draft.Text, (string?)inputs[0]["value"]);
        Assert.True((bool?)inputs[1]["isMultiSelect"]);
    }

    [Fact]
    public void LongText_IsTrimmedWithAnEllipsis_UnderTheSizeBudget()
    {
        var card = new Card("long", CardKind.Info, "Long") { Text = new string('é', 60_000), Facts = [new("Notes", new string('x', 20_000))] };

        var json = AdaptiveCardRenderer.Render(card).ToJsonString(AdaptiveCardRenderer.Wire);

        Assert.True(Encoding.UTF8.GetByteCount(json) <= AdaptiveCardRenderer.MaxBytes);
        Assert.Contains("…", json);
    }

    [Fact]
    public void Activity_CarriesACardOrText_NeverBoth()
    {
        var card = ConnectorActivities.Message(new OutboundContent(null, WelcomeCard.Build()));
        var text = ConnectorActivities.Message(new OutboundContent("Hi <at>Ana</at>", null) { Mentions = [new ChatUser("29:ana", "Ana")] });

        Assert.Equal((false, true), (card.ContainsKey("text"), card.ContainsKey("attachments")));
        Assert.Equal((true, false), (text.ContainsKey("text"), text.ContainsKey("attachments")));
        Assert.Equal("29:ana", (string?)text["entities"]![0]!["mentioned"]!["id"]);
    }

    [Fact]
    public void Paragraphs_KeepListsTogether_AndSeparateOtherLines()
    {
        Assert.Equal("Intro\n\n- a\n- b\n\nEnd", AdaptiveCardRenderer.Paragraphs("Intro\n- a\n- b\nEnd"));
    }

    private static void AssertWellFormed(Card card)
    {
        var rendered = AdaptiveCardRenderer.Render(card);
        Assert.Equal(("AdaptiveCard", "1.5"), ((string?)rendered["type"], (string?)rendered["version"]));
        Assert.True(Encoding.UTF8.GetByteCount(rendered.ToJsonString(AdaptiveCardRenderer.Wire)) <= AdaptiveCardRenderer.MaxBytes, $"{card.Key} is too big");
        Assert.False(rendered.ContainsKey("actions"), "buttons belong in ActionSets, where old clients honour the fallback");
        AssertInputsOnlyInShowCards(rendered, insideShowCard: false);

        var executes = Walk(rendered).Where(n => (string?)n["type"] == "Action.Execute").ToList();
        Assert.Equal(card.AllActions.Count(), executes.Count);
        foreach (var execute in executes)
        {
            var fallback = execute["fallback"]!;
            Assert.Equal("Action.Submit", (string?)fallback["type"]);
            var expected = execute["data"]!.DeepClone().AsObject();
            expected["verb"] = (string?)execute["verb"];
            Assert.True(JsonNode.DeepEquals(expected, fallback["data"]), $"{card.Key}: the fallback must carry the same data and the verb");
            Assert.Equal(card.Key, (string?)execute["data"]!["cmbot"]);
        }
        Assert.Equal(executes.Count, Walk(rendered).Count(n => (string?)n["type"] == "Action.Submit"));
        foreach (var showCard in Walk(rendered).Where(n => (string?)n["type"] == "Action.ShowCard"))
        {
            var inner = Walk(showCard["card"]).ToList();
            Assert.Contains(inner, n => ((string?)n["type"] ?? "").StartsWith("Input.", StringComparison.Ordinal));
            Assert.Contains(inner, n => (string?)n["type"] == "Action.Execute");
        }
    }

    private static void AssertInputsOnlyInShowCards(JsonNode? node, bool insideShowCard)
    {
        if (node is JsonArray array)
            foreach (var item in array) AssertInputsOnlyInShowCards(item, insideShowCard);
        if (node is not JsonObject element) return;
        var type = (string?)element["type"] ?? "";
        if (type.StartsWith("Input.", StringComparison.Ordinal)) Assert.True(insideShowCard, $"{type} outside a ShowCard");
        foreach (var (_, child) in element) AssertInputsOnlyInShowCards(child, insideShowCard || type == "Action.ShowCard");
    }

    private static IEnumerable<JsonObject> Walk(JsonNode? node) => node switch
    {
        JsonObject o => new[] { o }.Concat(o.SelectMany(p => Walk(p.Value))),
        JsonArray a => a.SelectMany(Walk),
        _ => [],
    };

    /// <summary>The cards the domain's own commands build for the demo brand.</summary>
    private static async Task<List<Card>> DomainCardsAsync()
    {
        using var factory = new CmBotFactory(new() { ["Demo:Seed"] = "true", ["Conversations:FallbackBrand"] = DemoData.BrandName });
        var cards = new List<Card>();
        foreach (var command in new[] { "help", "drafts", "comments", "numbers", "agenda", "routines", "influencers", "brand" })
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var input = new ChatInput(new ChatAddress("teams", "a:renderer"), new ChatUser("29:cm", "Camille"), command);
            var replies = await scope.ServiceProvider.GetRequiredService<ConversationService>().HandleAsync(input);
            cards.AddRange(replies.OfType<CardReply>().Select(r => r.Card));
        }
        return cards;
    }
}
