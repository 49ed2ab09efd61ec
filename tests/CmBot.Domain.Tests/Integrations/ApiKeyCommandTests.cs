using System.Text.RegularExpressions;
using CmBot.Domain.Integrations;
using CmBot.Domain.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CmBot.Domain.Tests.Support.BrandBuilder;

namespace CmBot.Domain.Tests.Integrations;

public sealed partial class ApiKeyCommandTests : IDisposable
{
    private readonly TestStore store = new();
    private readonly TestChannel chat;

    public ApiKeyCommandTests()
    {
        chat = new TestChannel(store, ManualClock.Default());
        chat.WithDb(new BrandBuilder().WithAdmin(Ana).WithApprover(Bob).LinkedTo("test", "room-1").SaveIn);
    }

    [Fact]
    public async Task NewKey_ByNonAdmin_IsRefused()
    {
        await chat.Say(Bob, "brand apikey new zapier");

        Assert.Equal("Only Acme's admins can change its settings.", chat.LastText);
        Assert.Empty(chat.WithDb(db => db.ApiKeys.ToList()));
    }

    [Fact]
    public async Task NewKey_IsShownOnce_WithAWarningForTheGroup_AndOnlyItsHashIsKept()
    {
        await chat.Say(Ana, "brand apikey new zapier");

        var text = chat.LastText;
        var key = KeyPattern().Match(text).Value;
        Assert.True(ApiKeySecrets.TryParse(key, out var prefix, out var secret));
        Assert.Contains("Everyone in this conversation can read this message", text);
        var stored = Assert.Single(chat.WithDb(db => db.ApiKeys.AsNoTracking().ToList()));
        Assert.Equal((prefix, ApiKeySecrets.Hash(secret), "zapier", "Ana"), (stored.Prefix, stored.SecretHash, stored.Name, stored.CreatedByName));
        Assert.DoesNotContain(secret, stored.SecretHash);

        await chat.Say(Ana, "brand apikey list");
        Assert.Contains($"cmb_{prefix}_…", chat.LastText);
        Assert.DoesNotContain(secret, chat.LastText);
    }

    [Fact]
    public async Task RevokedKey_IsNoLongerFound()
    {
        await chat.Say(Ana, "brand apikey new zapier");
        var key = KeyPattern().Match(chat.LastText).Value;
        Assert.NotNull(await chat.WithDb(db => ApiKeyFinder.FindActiveAsync(db, key, CancellationToken.None)));

        await chat.Say(Ana, $"brand apikey revoke {key.Split('_')[1]}");

        Assert.Contains("Revoked: zapier", chat.LastText);
        Assert.Null(await chat.WithDb(db => ApiKeyFinder.FindActiveAsync(db, key, CancellationToken.None)));
        Assert.Null(await chat.WithDb(db => ApiKeyFinder.FindActiveAsync(db, key[..^1] + (key[^1] == 'a' ? 'b' : 'a'), CancellationToken.None)));
    }

    [GeneratedRegex(@"cmb_[0-9a-f]{8}_[A-Za-z0-9_-]+")]
    private static partial Regex KeyPattern();

    public void Dispose()
    {
        chat.Dispose();
        store.Dispose();
    }
}
