using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CmBot.Domain.Common;
using CmBot.Domain.Conversations;
using CmBot.Domain.Drafts;
using CmBot.Tests.Api;

namespace CmBot.Tests.Webhooks;

public sealed partial class OutgoingWebhookTests : IDisposable
{
    private readonly ApiHost host = new();

    private async Task<int> DraftFromTheApiAsync(int brandId)
    {
        var response = await host.Client(host.NewKey(brandId)).PostAsJsonAsync("/api/drafts",
            new { text = "Autumn candle, back Monday #autumn", networks = new[] { "instagram" }, author = "Buffer" });
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private Task<IReadOnlyList<BotReply>> ClickAsync(ChatUser who, string verb, int draftId) =>
        host.SendAsync(new ChatInput(new ChatAddress("test", "room-a"), who, Click: new CardClick(verb, new Dictionary<string, string>
        {
            [DraftFields.DraftId] = draftId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [DraftFields.Revision] = "1",
        })));

    [Fact]
    public async Task ApprovedDraft_ReachesTheReceiverOnce_DespiteAFirst500()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answers.Enqueue(500);
        var brand = host.SeedBrand("Acme", "room-a");
        var set = await host.SayAsync("room-a", ApiHost.Ana, $"brand webhook set {receiver.Url}");
        var secret = SecretPattern().Match(Assert.IsType<TextReply>(Assert.Single(set)).Text).Value;
        var draftId = await DraftFromTheApiAsync(brand.Id);

        await ClickAsync(ApiHost.Bob, DraftVerbs.Approve, draftId);

        await ApiHost.EventuallyAsync(() => receiver.Requests.Any(r => r.Answered == 200), TimeSpan.FromSeconds(5), "a delivery answered 200");
        await Task.Delay(600); // Several dispatcher passes: nothing more may arrive.
        var requests = receiver.Requests.ToList();
        Assert.Equal([500, 200], requests.Select(r => r.Answered));
        var (headers, body, _) = requests[1];
        Assert.Equal(requests[0].Body, body);
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret),
            Encoding.UTF8.GetBytes($"{headers["X-CmBot-Timestamp"]}.{body}")));
        Assert.Equal(expected, headers["X-CmBot-Signature"]);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Equal(("draft.approved", draftId, "Acme"), (root.GetProperty("event").GetString(), root.GetProperty("draftId").GetInt32(), root.GetProperty("brand").GetString()));
        Assert.Equal(("Bob", "Autumn candle, back Monday #autumn"), (root.GetProperty("approvedBy").GetString(), root.GetProperty("text").GetString()));
        Assert.Equal(["Instagram"], root.GetProperty("networks").EnumerateArray().Select(n => n.GetString()));

        var deliveries = await host.Client(host.NewKey(brand.Id, "reader")).GetFromJsonAsync<JsonElement>($"/api/drafts/{draftId}/deliveries");
        var delivery = Assert.Single(deliveries.EnumerateArray());
        Assert.Equal(("draft.approved", 1), (delivery.GetProperty("event").GetString(), delivery.GetProperty("attempts").GetInt32()));
        Assert.Contains("500", delivery.GetProperty("lastError").GetString());
        Assert.NotEqual(JsonValueKind.Null, delivery.GetProperty("sentAt").ValueKind);
    }

    [Fact]
    public async Task RequestedChanges_SendNothing_ButPublicationDoes()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var brand = host.SeedBrand("Acme", "room-a");
        await host.SayAsync("room-a", ApiHost.Ana, $"brand webhook set {receiver.Url}");
        var draftId = await DraftFromTheApiAsync(brand.Id);
        var other = await DraftFromTheApiAsync(brand.Id);

        await host.SendAsync(new ChatInput(new ChatAddress("test", "room-a"), ApiHost.Bob, Click: new CardClick(DraftVerbs.RequestChanges,
            new Dictionary<string, string> { [DraftFields.DraftId] = other.ToString(System.Globalization.CultureInfo.InvariantCulture), [DraftFields.Revision] = "1", [DraftFields.Comment] = "Shorter" })));
        await ClickAsync(ApiHost.Bob, DraftVerbs.Approve, draftId);
        await ClickAsync(ApiHost.Ana, DraftVerbs.MarkPublished, draftId);

        await ApiHost.EventuallyAsync(() => receiver.Requests.Count >= 2, TimeSpan.FromSeconds(5), "two deliveries");
        await Task.Delay(300);
        var events = receiver.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement).Select(e => (e.GetProperty("event").GetString(), e.GetProperty("draftId").GetInt32()));
        Assert.Equal([("draft.approved", draftId), ("draft.published", draftId)], events);
    }

    [Fact]
    public async Task WebhookSecret_IsNotStoredInClear_AndOnlyAdminsSetIt()
    {
        host.SeedBrand("Acme", "room-a");

        var refused = await host.SayAsync("room-a", ApiHost.Bob, "brand webhook set https://hooks.example.test/cmbot");
        var set = await host.SayAsync("room-a", ApiHost.Ana, "brand webhook set https://hooks.example.test/cmbot");
        var plainHttp = await host.SayAsync("room-a", ApiHost.Ana, "brand webhook set http://hooks.example.test/cmbot");

        Assert.Contains("admins", Assert.IsType<TextReply>(Assert.Single(refused)).Text);
        var text = Assert.IsType<TextReply>(Assert.Single(set)).Text;
        var secret = SecretPattern().Match(text).Value;
        Assert.Contains("Everyone in this conversation", text);
        var stored = Assert.Single(host.WithDb(db => db.WebhookSubscriptions.ToList()));
        Assert.DoesNotContain(secret, stored.EncryptedSecret);
        Assert.Contains("https", Assert.IsType<TextReply>(Assert.Single(plainHttp)).Text);
    }

    [GeneratedRegex(@"whsec_[A-Za-z0-9_-]+")]
    private static partial Regex SecretPattern();

    public void Dispose() => host.Dispose();
}
