using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CmBot.Domain.Drafts;
using CmBot.Slack;

namespace CmBot.Tests.Slack;

/// <summary>Buttons, modals and their submissions, against the demo brand (anyone may approve its drafts).</summary>
public sealed class SlackInteractivityTests : IAsyncLifetime
{
    private const string Channel = "C05DRAFTS01";
    private SlackHost host = null!;
    private int triggers;

    public async Task InitializeAsync() => host = await SlackHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task BlockActions_Sample_IsAckedAndAnsweredInTheCardsThread()
    {
        var response = await host.PostInteractionAsync(Samples.Json("slack-block-actions.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
        // Its button is not one of CmBot's: the conversation layer says so, in the card's thread.
        var post = Assert.Single(await host.Api.WaitForAsync("chat.postMessage"));
        Assert.Equal(Channel, post.Json.GetProperty("channel").GetString());
        Assert.Equal("1778491330.011800", post.Json.GetProperty("thread_ts").GetString());
        Assert.Contains("bouton", post.Json.GetProperty("text").GetString());
    }

    [Fact]
    public async Task TwoApprovers_ClickApproveAtOnce_OneDecisionAndTheOtherHearsWho()
    {
        var draft = host.Db(db => db.Drafts.First(d => d.State == DraftState.Pending));
        var value = SlackActionCodec.Value(DraftVerbs.Approve, Data(draft.Id, draft.Revision), opensForm: false)!;

        var responses = await Task.WhenAll(
            host.PostInteractionAsync(Click("U0ANA000001", "ana", "draft.approve:0", value, "1778491330.011800")),
            host.PostInteractionAsync(Click("U0BOB000001", "bob", "draft.approve:0", value, "1778491330.011800")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var decided = host.Db(db => db.Drafts.Single(d => d.Id == draft.Id));
        Assert.Equal(DraftState.Approved, decided.State);
        Assert.Contains(decided.DecidedByName, new[] { "ana", "bob" });
        var told = await host.Api.WaitForAsync("chat.postMessage", where: c => c.Json.GetProperty("text").GetString()!.Contains("déjà approuvé"));
        Assert.Contains(decided.DecidedByName!, Assert.Single(told).Json.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Reject_OpensAModal_AndASubmissionWithoutReasonIsAnsweredInline()
    {
        var (draftId, ts, view) = await OpenFormAsync(DraftVerbs.Reject);

        Assert.Equal("modal", view.GetProperty("type").GetString());
        Assert.InRange(view.GetProperty("title").GetProperty("text").GetString()!.Length, 1, 24);
        Assert.InRange(view.GetProperty("private_metadata").GetString()!.Length, 1, 3000);
        var input = Assert.Single(view.GetProperty("blocks").EnumerateArray(), b => b.GetProperty("type").GetString() == "input");
        Assert.Equal(DraftFields.Reason, input.GetProperty("block_id").GetString());

        var empty = await host.PostInteractionAsync(Submission(view, new() { [DraftFields.Reason] = null }));

        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        using (var errors = JsonDocument.Parse(await empty.Content.ReadAsStringAsync()))
        {
            Assert.Equal("errors", errors.RootElement.GetProperty("response_action").GetString());
            Assert.False(string.IsNullOrEmpty(errors.RootElement.GetProperty("errors").GetProperty(DraftFields.Reason).GetString()));
        }
        Assert.Equal(DraftState.Pending, host.Db(db => db.Drafts.Single(d => d.Id == draftId).State));

        var given = await host.PostInteractionAsync(Submission(view, new() { [DraftFields.Reason] = "Off-brand tone" }));

        Assert.Equal(HttpStatusCode.OK, given.StatusCode);
        Assert.Empty(await given.Content.ReadAsStringAsync());
        var rejected = host.Db(db => db.Drafts.Single(d => d.Id == draftId));
        Assert.Equal((DraftState.Rejected, "Off-brand tone"), (rejected.State, rejected.DecisionNote));
        var update = await host.Api.WaitForAsync("chat.update", where: c => c.Json.GetProperty("ts").GetString() == ts);
        Assert.Contains("Off-brand tone", update[0].Body);
    }

    [Fact]
    public async Task Edit_SubmittedWithWhatTheDomainRefuses_ShowsTheRefusalOnTheForm()
    {
        var (draftId, _, view) = await OpenFormAsync(DraftVerbs.Edit);
        // Prefilled from the draft as it stands.
        var text = view.GetProperty("blocks").EnumerateArray().Single(b => b.TryGetProperty("block_id", out var id) && id.GetString() == DraftFields.Text);
        Assert.Equal(host.Db(db => db.Drafts.Single(d => d.Id == draftId).Text), text.GetProperty("element").GetProperty("initial_value").GetString());

        var response = await host.PostInteractionAsync(Submission(view, new()
        {
            [DraftFields.Text] = "New text", [DraftFields.Networks] = "Myspace", [DraftFields.Date] = null, [DraftFields.Time] = null,
        }));

        using var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("errors", errors.RootElement.GetProperty("response_action").GetString());
        Assert.Contains("myspace", errors.RootElement.GetProperty("errors").GetProperty(DraftFields.Text).GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, host.Db(db => db.Drafts.Single(d => d.Id == draftId).Revision));
    }

    [Fact]
    public async Task ViewSubmission_Sample_OfAModalCmBotDidNotOpen_ClosesQuietly()
    {
        var response = await host.PostInteractionAsync(Samples.Json("slack-view-submission.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
        Assert.Equal(0, host.Db(db => db.InboundDeliveries.Count()));
    }

    [Fact]
    public async Task ViewClosed_Is200()
    {
        var closed = new JsonObject
        {
            ["type"] = "view_closed", ["user"] = new JsonObject { ["id"] = "U03PRIYA9RM" }, ["is_cleared"] = false,
            ["view"] = new JsonObject { ["id"] = "V0X", ["callback_id"] = SlackModalMetadata.CallbackId, ["private_metadata"] = "" },
        };

        var response = await host.PostInteractionAsync(closed);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Asks for the drafts, waits for their cards, clicks the button of <paramref name="verb"/> on one: the modal Slack was asked to open.</summary>
    private async Task<(int DraftId, string Ts, JsonElement View)> OpenFormAsync(string verb)
    {
        await host.PostEventAsync(SlackHost.Mention("drafts", "Ev0DRAFTS" + verb.Length));
        var posts = await host.Api.WaitForAsync("chat.postMessage", 2);
        var post = posts.First(p => p.Body.Contains(verb));
        await WaitAsync(() => host.Db(db => db.CardPosts.Count()) >= posts.Count);
        var button = post.Json.GetProperty("blocks").EnumerateArray()
            .Where(b => b.GetProperty("type").GetString() == "actions")
            .SelectMany(b => b.GetProperty("elements").EnumerateArray())
            .First(e => SlackActionCodec.Decode(e.GetProperty("action_id").GetString(), e.GetProperty("value").GetString()).Click.Verb == verb);
        var decoded = SlackActionCodec.Decode(button.GetProperty("action_id").GetString(), button.GetProperty("value").GetString());
        Assert.True(decoded.OpensForm);
        var draftId = decoded.Click.GetInt(DraftFields.DraftId)!.Value;
        var ts = host.Db(db => db.CardPosts.Single(p => p.CardKey == DraftCard.Key(draftId)).MessageId);

        var click = Click("U03PRIYA9RM", "priya.raman", button.GetProperty("action_id").GetString()!, button.GetProperty("value").GetString()!, ts);
        var response = await host.PostInteractionAsync(click);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var open = Assert.Single(host.Api.CallsTo("views.open"));
        Assert.Equal(click["trigger_id"]!.GetValue<string>(), open.Json.GetProperty("trigger_id").GetString());
        return (draftId, ts, open.Json.GetProperty("view").Clone());
    }

    private JsonObject Click(string userId, string name, string actionId, string value, string messageTs)
    {
        var payload = Samples.Json("slack-block-actions.json");
        payload["user"] = new JsonObject { ["id"] = userId, ["username"] = name, ["name"] = name, ["team_id"] = "T04CMTY7Q2N" };
        payload["trigger_id"] = $"7102938475610.4417263544.trigger{Interlocked.Increment(ref triggers)}";
        payload["container"]!["message_ts"] = messageTs;
        payload["actions"] = new JsonArray(new JsonObject
        {
            ["type"] = "button", ["action_id"] = actionId, ["block_id"] = "b1", ["value"] = value, ["action_ts"] = "1778491502.118274",
        });
        payload["response_url"] = host.Api.ResponseUrl();
        return payload;
    }

    private JsonObject Submission(JsonElement openedView, Dictionary<string, string?> values)
    {
        var state = new JsonObject();
        foreach (var (blockId, value) in values)
        {
            var element = openedView.GetProperty("blocks").EnumerateArray()
                .Single(b => b.TryGetProperty("block_id", out var id) && id.GetString() == blockId).GetProperty("element");
            var type = element.GetProperty("type").GetString()!;
            JsonObject entry = type switch
            {
                "multi_static_select" => new() { ["type"] = type, ["selected_options"] = new JsonArray([.. (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
                    .Select(v => (JsonNode)new JsonObject { ["value"] = v })]) },
                "datepicker" => new() { ["type"] = type, ["selected_date"] = value },
                "timepicker" => new() { ["type"] = type, ["selected_time"] = value },
                _ => new() { ["type"] = type, ["value"] = value },
            };
            state[blockId] = new JsonObject { [SlackModal.ValueActionId] = entry };
        }
        var view = JsonNode.Parse(openedView.GetRawText())!.AsObject();
        view["id"] = "V0FAKE";
        view["hash"] = "1.h";
        view["state"] = new JsonObject { ["values"] = state };
        return new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = "T04CMTY7Q2N" },
            ["user"] = new JsonObject { ["id"] = "U03PRIYA9RM", ["username"] = "priya.raman", ["name"] = "priya.raman" },
            ["trigger_id"] = $"7102938475688.4417263544.submit{Interlocked.Increment(ref triggers)}",
            ["view"] = view,
        };
    }

    private static Dictionary<string, string> Data(int draftId, int revision) => new()
    {
        [DraftFields.DraftId] = draftId.ToString(CultureInfo.InvariantCulture),
        [DraftFields.Revision] = revision.ToString(CultureInfo.InvariantCulture),
    };

    private static async Task WaitAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++) await Task.Delay(50);
        Assert.True(condition());
    }
}
