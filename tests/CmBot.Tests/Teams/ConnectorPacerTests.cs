using CmBot.Teams.Connector;

namespace CmBot.Tests.Teams;

/// <summary>Sends are spread under teams.md §5.1's limits: 7 per second and 8 per 2 seconds per conversation, 50/s per tenant.</summary>
public sealed class ConnectorPacerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 11, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void OneConversation_SevenGoAtOnce_TheEighthWaitsASecond_TheNinthTwo()
    {
        var pacer = new ConnectorPacer(TimeProvider.System);

        var delays = Enumerable.Range(0, 9).Select(_ => pacer.Reserve("19:a@thread.tacv2", "tenant", T0).TotalSeconds).ToList();

        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 1, 2], delays);
    }

    [Fact]
    public void ManyConversationsOfOneTenant_FiftyGoInASecond_TheNextWaits()
    {
        var pacer = new ConnectorPacer(TimeProvider.System);

        var delays = Enumerable.Range(0, 51).Select(i => pacer.Reserve($"a:{i}", "tenant", T0)).ToList();

        Assert.All(delays.Take(50), d => Assert.Equal(TimeSpan.Zero, d));
        Assert.Equal(TimeSpan.FromSeconds(1), delays[50]);
        Assert.Equal(TimeSpan.Zero, pacer.Reserve("a:other-tenant", "another", T0));
    }

    [Fact]
    public void AnsweredAfterItsSlot_TheSendCountsFromTheAnswer_SoTheNextWindowStartsThere()
    {
        var pacer = new ConnectorPacer(TimeProvider.System);
        var answered = T0.AddMilliseconds(40);

        for (var i = 0; i < 50; i++) Assert.Equal(TimeSpan.Zero, pacer.Reserve($"a:{i}", "tenant", T0));
        for (var i = 0; i < 50; i++) pacer.Answered($"a:{i}", "tenant", T0, answered);

        // Booked times alone would let the 51st go at T0 + 1 s, inside the connector's window if it arrives faster.
        Assert.Equal(TimeSpan.FromSeconds(1), pacer.Reserve("a:50", "tenant", answered));
    }

    [Fact]
    public void AnsweredBeforeItsSlot_ChangesNothing()
    {
        var pacer = new ConnectorPacer(TimeProvider.System);
        for (var i = 0; i < 7; i++) pacer.Reserve("19:a@thread.tacv2", "tenant", T0);

        pacer.Answered("19:a@thread.tacv2", "tenant", T0, T0.AddSeconds(-1));

        Assert.Equal(TimeSpan.FromSeconds(1), pacer.Reserve("19:a@thread.tacv2", "tenant", T0));
    }

    [Fact]
    public void ConversationsIdleForAnHour_AreForgotten_ActiveOnesKept()
    {
        var pacer = new ConnectorPacer(TimeProvider.System);
        for (var i = 0; i < 100; i++) pacer.Reserve($"a:idle-{i}", "tenant", T0);
        var later = T0.AddMinutes(59);
        for (var i = 0; i < 7; i++) pacer.Reserve("19:busy@thread.tacv2", "tenant", later);

        pacer.Reserve("a:new", "tenant", T0.AddMinutes(61));

        // The hundred idle conversations are gone; the busy one, the new one and their tenant remain.
        Assert.Equal(3, pacer.Tracked);
    }

    [Fact]
    public void AConversationWithSevenSendsThisSecond_IsNotFree_AnotherIs_AndNothingIsBookedByAsking()
    {
        var pacer = new ConnectorPacer(TimeProvider.System);
        var now = TimeProvider.System.GetUtcNow();
        for (var i = 0; i < 6; i++) pacer.Reserve("a:busy", "tenant", now);

        Assert.True(pacer.IsFree("a:busy", "tenant"));
        Assert.True(pacer.IsFree("a:busy", "tenant"));
        pacer.Reserve("a:busy", "tenant", now);

        Assert.False(pacer.IsFree("a:busy", "tenant"));
        Assert.True(pacer.IsFree("a:quiet", "tenant"));
    }
}
