using System.Text.Json.Nodes;
using CmBot.Domain.Cards;
using CmBot.Slack;

namespace CmBot.Tests.Slack;

/// <summary>The Block Kit limits (slack.md §6), each met exactly and exceeded by one: trimmed with "…", never failing.</summary>
public sealed class BlockKitRendererTests
{
    private static readonly Card Plain = new("k", CardKind.Info, "Title");

    private static List<JsonObject> Blocks(Card card) => [.. BlockKitRenderer.Render(card).Select(b => b!.AsObject())];

    private static string Text(JsonObject block) => block["text"]!["text"]!.GetValue<string>();

    [Theory]
    [InlineData(150, false)]
    [InlineData(151, true)]
    public void Header_KeepsAt150(int length, bool trimmed)
    {
        var header = Text(Blocks(Plain with { Title = new string('h', length) })[0]);

        Assert.Equal(Math.Min(length, 150), header.Length);
        Assert.Equal(trimmed, header.EndsWith('…'));
    }

    [Theory]
    [InlineData(3000, false)]
    [InlineData(3001, true)]
    public void SectionText_KeepsAt3000(int length, bool trimmed)
    {
        var section = Blocks(Plain with { Text = new string('t', length) }).Single(b => (string?)b["type"] == "section");

        Assert.Equal(Math.Min(length, 3000), Text(section).Length);
        Assert.Equal(trimmed, Text(section).EndsWith('…'));
    }

    [Fact]
    public void Text_IsEscapedForMrkdwn_AndNothingElse()
    {
        var section = Blocks(Plain with { Text = "Tom & Jerry <!channel> > 'quoted' \"too\"" }).Single(b => (string?)b["type"] == "section");

        Assert.Equal("Tom &amp; Jerry &lt;!channel&gt; &gt; 'quoted' \"too\"", Text(section));
    }

    [Fact]
    public void EscapedText_TrimmedAtTheLimit_NeverEndsInHalfAnEntity()
    {
        var section = Blocks(Plain with { Text = new string('a', 2997) + "&&&&" }).Single(b => (string?)b["type"] == "section");

        Assert.Equal(new string('a', 2997) + "…", Text(section));
    }

    [Theory]
    [InlineData(10, 1)]
    [InlineData(11, 2)]
    [InlineData(25, 3)]
    public void Facts_TenFieldsPerSection(int facts, int sections)
    {
        var card = Plain with { Facts = [.. Enumerable.Range(0, facts).Select(i => new CardFact($"L{i}", $"V{i}"))] };

        var fieldSections = Blocks(card).Where(b => b["fields"] is not null).ToList();

        Assert.Equal(sections, fieldSections.Count);
        Assert.All(fieldSections, s => Assert.InRange(s["fields"]!.AsArray().Count, 1, 10));
        Assert.Equal(facts, fieldSections.Sum(s => s["fields"]!.AsArray().Count));
    }

    [Fact]
    public void Field_KeepsAt2000()
    {
        var card = Plain with { Facts = [new CardFact("Label", new string('v', 5000))] };

        var field = Blocks(card).Single(b => b["fields"] is not null)["fields"]![0]!["text"]!.GetValue<string>();

        Assert.Equal(2000, field.Length);
        Assert.StartsWith("*Label*\n", field);
        Assert.EndsWith("…", field);
    }

    [Theory]
    [InlineData(25, 1)]
    [InlineData(26, 2)]
    public void Buttons_AtMost25PerActionsBlock(int buttons, int blocks)
    {
        var card = Plain with { Actions = [.. Enumerable.Range(0, buttons).Select(i => new CardAction($"B{i}", "x.verb"))] };

        var actions = Blocks(card).Where(b => (string?)b["type"] == "actions").ToList();

        Assert.Equal(blocks, actions.Count);
        Assert.All(actions, a => Assert.InRange(a["elements"]!.AsArray().Count, 1, 25));
        var ids = actions.SelectMany(a => a["elements"]!.AsArray()).Select(e => (string)e!["action_id"]!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count()); // unique within the message
    }

    [Theory]
    [InlineData(75, false)]
    [InlineData(76, true)]
    public void ButtonText_KeepsAt75(int length, bool trimmed)
    {
        var card = Plain with { Actions = [new CardAction(new string('b', length), "x.verb")] };

        var text = Blocks(card).Single(b => (string?)b["type"] == "actions")["elements"]![0]!["text"]!["text"]!.GetValue<string>();

        Assert.Equal(Math.Min(length, 75), text.Length);
        Assert.Equal(trimmed, text.EndsWith('…'));
    }

    [Fact]
    public void Button_CarriesVerbAndData_AndDecodesBack()
    {
        var action = new CardAction("Approve", "draft.approve")
        {
            Data = new Dictionary<string, string> { ["draftId"] = "42", ["revision"] = "3" },
            Style = CardActionStyle.Positive,
        };
        var button = Blocks(Plain with { Actions = [action] }).Single(b => (string?)b["type"] == "actions")["elements"]![0]!.AsObject();

        Assert.Equal("primary", (string?)button["style"]);
        var decoded = SlackActionCodec.Decode((string?)button["action_id"], (string?)button["value"]);
        Assert.Equal(("draft.approve", "42", "3", false, 0), (decoded.Click.Verb, decoded.Click.Get("draftId"), decoded.Click.Get("revision"), decoded.OpensForm, decoded.Position));
    }

    [Fact]
    public void ActionId_OfAnOverlongVerb_KeepsAt255()
    {
        var id = SlackActionCodec.ActionId(new string('v', 300), 7);

        Assert.Equal(255, id.Length);
        Assert.EndsWith(":7", id);
    }

    [Fact]
    public void Button_WhoseDataCannotFit2000Characters_IsLeftOut()
    {
        var fits = new CardAction("Fits", "x.verb") { Data = new Dictionary<string, string> { ["d"] = new string('d', 1900) } };
        var tooBig = new CardAction("Too big", "x.verb") { Data = new Dictionary<string, string> { ["d"] = new string('d', 2000) } };

        var elements = Blocks(Plain with { Actions = [fits, tooBig] }).Single(b => (string?)b["type"] == "actions")["elements"]!.AsArray();

        var only = Assert.Single(elements);
        Assert.InRange(((string)only!["value"]!).Length, 1, 2000);
    }

    [Fact]
    public void ManySections_KeepAt50Blocks_WithHeaderStateAndButtons()
    {
        var card = Plain with
        {
            State = "Waiting",
            Sections = [.. Enumerable.Range(0, 40).Select(i => new CardSection($"S{i}") { Text = "text" })],
            Actions = [new CardAction("Go", "x.verb")],
        };

        var blocks = Blocks(card);

        Assert.Equal(50, blocks.Count);
        Assert.Equal("header", (string?)blocks[0]["type"]);
        Assert.Equal("actions", (string?)blocks[^1]["type"]);
        Assert.Contains("Waiting", blocks[^2].ToJsonString());
        Assert.Contains(blocks, b => (string?)b["type"] == "context" && (string?)b["elements"]![0]!["text"] == "…");
    }

    [Fact]
    public void FewSections_AreAllShown()
    {
        var card = Plain with { Sections = [.. Enumerable.Range(0, 20).Select(i => new CardSection($"S{i}") { Text = "text" })] };

        var blocks = Blocks(card);

        Assert.Equal(41, blocks.Count); // header + 20 × (divider + section)
        Assert.DoesNotContain(blocks, b => (string?)b["type"] == "context");
    }

    [Fact]
    public void FallbackText_IsAlwaysSet()
    {
        Assert.Equal("Title · Approved by Ana &amp; Bob", BlockKitRenderer.FallbackText(Plain with { State = "Approved by Ana & Bob" }));
    }

    [Theory]
    [InlineData(24, false)]
    [InlineData(25, true)]
    public void ModalTitleAndSubmit_KeepAt24(int length, bool trimmed)
    {
        var action = new CardAction(new string('m', length), "x.verb") { SubmitLabel = new string('s', length), Inputs = [new CardInput("reason", "Why?")] };

        var view = SlackModal.Build(action, "{}");

        Assert.Equal(Math.Min(length, 24), view["title"]!["text"]!.GetValue<string>().Length);
        Assert.Equal(Math.Min(length, 24), view["submit"]!["text"]!.GetValue<string>().Length);
        Assert.Equal(trimmed, view["title"]!["text"]!.GetValue<string>().EndsWith('…'));
    }

    [Fact]
    public void ModalInput_PrefillLongerThanItsMaximum_IsTrimmedToIt()
    {
        var action = new CardAction("Edit", "x.verb") { Inputs = [new CardInput("text", "Text", CardInputKind.MultilineText) { Value = new string('p', 5000) }] };

        var element = SlackModal.Build(action, "{}")["blocks"]![0]!["element"]!;

        Assert.Equal(3000, (int)element["max_length"]!);
        Assert.Equal(3000, element["initial_value"]!.GetValue<string>().Length);
    }

    [Fact]
    public void ModalChoices_AtMost100Options_AndPreselected()
    {
        var input = new CardInput("n", "Networks", CardInputKind.Choice)
        {
            MultiSelect = true, Value = "c1,c3",
            Choices = [.. Enumerable.Range(0, 120).Select(i => new CardChoice(new string('t', 80), $"c{i}"))],
        };

        var element = SlackModal.Build(new CardAction("Edit", "x.verb") { Inputs = [input] }, "{}")["blocks"]![0]!["element"]!;

        Assert.Equal(100, element["options"]!.AsArray().Count);
        Assert.Equal(75, element["options"]![0]!["text"]!["text"]!.GetValue<string>().Length);
        Assert.Equal(["c1", "c3"], element["initial_options"]!.AsArray().Select(o => (string)o!["value"]!));
    }

    [Theory]
    [InlineData(2900, true)]
    [InlineData(3000, false)]
    public void PrivateMetadata_KeepsAt3000(int dataLength, bool fits)
    {
        var metadata = new SlackModalMetadata("x.verb", new Dictionary<string, string> { ["d"] = new string('d', dataLength) }, "C1", "1.1", null, "T1");

        var json = metadata.Serialize();

        Assert.Equal(fits, json is not null);
        if (json is not null) Assert.InRange(json.Length, 1, 3000);
    }
}
