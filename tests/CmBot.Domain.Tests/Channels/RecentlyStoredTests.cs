using CmBot.Domain.Channels;
using CmBot.Domain.Tests.Support;

namespace CmBot.Domain.Tests.Channels;

/// <summary>The cache that spares a busy conversation a store read per message.</summary>
public sealed class RecentlyStoredTests
{
    private readonly ManualClock clock = new(DateTimeOffset.Parse("2026-12-07T09:00:00Z"));

    [Fact]
    public void BusyConversations_KeepTheirPlace_WhileManyMoreConversationsPassThrough()
    {
        var recent = new RecentlyStored<int>(clock, TimeSpan.FromMinutes(10));
        int misses = 0, passing = 0;
        void Meet(string key)
        {
            if (recent.TryGet(key, out _)) return;
            misses++;
            recent.Remember(key, 1); // as the callers do: read the store, then remember
        }

        // An agency's busy channels, each speaking between every thousand messages from five times the bound of others.
        for (var round = 0; round < RecentlyStored<int>.GenerationSize * 5 / 1000; round++)
        {
            for (var busy = 0; busy < 100; busy++) Meet($"busy-{busy}");
            for (var i = 0; i < 1000; i++) Meet($"once-{passing++}");
        }

        // Each busy channel was read from the store once; starting over at the bound re-read them at every crossing.
        Assert.Equal(100 + passing, misses);
    }

    [Fact]
    public void AnEntry_IsForgottenOnRequest_AndWhenStale()
    {
        var recent = new RecentlyStored<string>(clock, TimeSpan.FromMinutes(10));
        recent.Remember("a", "team-a");
        recent.Remember("b", "team-b");

        recent.Forget("a");
        Assert.False(recent.TryGet("a", out _));
        Assert.True(recent.TryGet("b", out var b));
        Assert.Equal("team-b", b);

        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.False(recent.TryGet("b", out _));
    }
}
