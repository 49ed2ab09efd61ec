using CmBot.Slack;
using Microsoft.Extensions.Options;

namespace CmBot.Tests.Slack;

public sealed class SlackPacerTests
{
    private sealed class SteppedClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task ChannelsQuietForTenMinutes_AreForgotten_BusyOnesKept()
    {
        var clock = new SteppedClock(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var pacer = new SlackPacer(Options.Create(new SlackOptions()), clock);
        for (var i = 0; i < 100; i++) await pacer.WaitTurnAsync($"CQUIET{i}", CancellationToken.None);
        clock.Now += TimeSpan.FromMinutes(9);
        await pacer.WaitTurnAsync("CBUSY", CancellationToken.None);
        Assert.Equal(101, pacer.Tracked); // Nine minutes is not quiet enough.

        clock.Now += TimeSpan.FromMinutes(2);
        await pacer.WaitTurnAsync("CNEW", CancellationToken.None);

        Assert.Equal(2, pacer.Tracked);
    }

    [Fact]
    public async Task TwoPostsToOneChannel_AreSpacedByThePostInterval()
    {
        var pacer = new SlackPacer(Options.Create(new SlackOptions { PostInterval = TimeSpan.FromMilliseconds(300) }), TimeProvider.System);
        await pacer.WaitTurnAsync("C1", CancellationToken.None);
        var started = TimeProvider.System.GetTimestamp();
        await pacer.WaitTurnAsync("C1", CancellationToken.None);

        Assert.InRange(TimeProvider.System.GetElapsedTime(started), TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task AChannelJustPostedTo_IsNotFree_UntilThePostIntervalHasPassed_OthersAre()
    {
        var clock = new SteppedClock(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var pacer = new SlackPacer(Options.Create(new SlackOptions()), clock);
        await pacer.WaitTurnAsync("C1", CancellationToken.None);

        Assert.False(pacer.IsFree("C1"));
        Assert.True(pacer.IsFree("C2"));
        clock.Now += TimeSpan.FromSeconds(1);
        Assert.True(pacer.IsFree("C1"));
    }
}
