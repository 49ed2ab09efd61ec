using CmBot.Domain.Agenda;
using CmBot.Domain.Brands;
using CmBot.Domain.Delivery;
using CmBot.Domain.Reminders;
using CmBot.Domain.Routines;
using CmBot.Domain.Tests.Support;
using static CmBot.Domain.Tests.Reminders.ReminderWorld;

namespace CmBot.Domain.Tests.Reminders;

public sealed class BrandReminderTests : IDisposable
{
    // Monday 23 November 2026, 09:30 in Paris: the default sync slot.
    private readonly ReminderWorld world = new(Paris2026(11, 23, 9, 30));

    [Fact]
    public async Task Agenda_AtTheSyncSlot_PostsTheWeeksAgendaCardToEveryLinkedChannel()
    {
        var brand = world.AddBrand();

        var outcome = await world.Fire(brand.Id, "agenda", Paris2026(11, 23, 9, 30));

        Assert.Equal(ReminderOutcome.Posted, outcome);
        var posts = world.Outbox();
        Assert.Equal([("slack", "C-ACME"), ("test", "room-1")], posts.Select(p => (p.Channel, p.ConversationId)).Order());
        Assert.All(posts, p => Assert.Equal((OutboxKind.Post, new AgendaWeek(2026, 48).CardKey(brand.Id)), (p.Kind, p.CardKey)));
    }

    [Fact]
    public async Task Agenda_FiredTwiceForTheSameWeek_PostsOnce()
    {
        var brand = world.AddBrand();

        await world.Fire(brand.Id, "agenda", Paris2026(11, 23, 9, 30));
        world.Clock.Advance(TimeSpan.FromMinutes(3));
        var again = await world.Fire(brand.Id, "agenda", Paris2026(11, 23, 9, 30));

        Assert.Equal(ReminderOutcome.AlreadyPosted, again);
        Assert.Equal(2, world.Outbox().Count);
    }

    [Fact]
    public async Task RoutineCard_FiredTwice_PostsItsCardOnce()
    {
        var brand = world.AddBrand(b => b.WithInfluencer("Léa Martin", "@lea"));
        world.Clock.Set(Paris2026(11, 24, 10, 0));

        var first = await world.Fire(brand.Id, "routine-InfluencerContact", Paris2026(11, 24, 10, 0));
        var second = await world.Fire(brand.Id, "routine-InfluencerContact", Paris2026(11, 24, 10, 0));

        Assert.Equal((ReminderOutcome.Posted, ReminderOutcome.AlreadyPosted), (first, second));
        var occurrence = world.WithDb(db => db.RoutineOccurrences.Single());
        Assert.Equal("2026-W48", occurrence.Period);
        Assert.All(world.Outbox(), p => Assert.Equal(RoutineActions.CardKey(occurrence), p.CardKey));
        Assert.Equal(2, world.Outbox().Count);
    }

    [Fact]
    public async Task RoutineCard_OfARoutineSwitchedOff_PostsNothing()
    {
        var brand = world.AddBrand();

        var outcome = await world.Fire(brand.Id, "routine-BlogPost", Paris2026(11, 23, 9, 30));

        Assert.Equal(ReminderOutcome.NothingToPost, outcome);
        Assert.Empty(world.Outbox());
    }

    [Fact]
    public async Task InfluencerReminder_OnFridayWhileNotDone_RemindsOnce()
    {
        var brand = world.AddBrand(b => b.WithInfluencer("Léa Martin", "@lea"));
        world.Clock.Set(Paris2026(11, 24, 10, 0));
        await world.Fire(brand.Id, "routine-InfluencerContact", Paris2026(11, 24, 10, 0));
        world.Clock.Set(Paris2026(11, 27, 10, 0));

        var friday = await world.Fire(brand.Id, "influencerreminder", Paris2026(11, 27, 10, 0));
        var refire = await world.Fire(brand.Id, "influencerreminder", Paris2026(11, 27, 10, 0));

        Assert.Equal((ReminderOutcome.Posted, ReminderOutcome.AlreadyPosted), (friday, refire));
        var texts = world.Outbox().Where(p => p.CardKey is null).ToList();
        Assert.Equal(2, texts.Count); // one per linked channel
        Assert.All(texts, t => Assert.Contains("Léa Martin", OutboundContent.FromJson(t.Content).Text));
    }

    [Fact]
    public async Task InfluencerReminder_WhenDoneAlready_PostsNothing()
    {
        var brand = world.AddBrand(b => b.WithInfluencer("Léa Martin", "@lea"));
        world.Clock.Set(Paris2026(11, 24, 10, 0));
        await world.Fire(brand.Id, "routine-InfluencerContact", Paris2026(11, 24, 10, 0));
        world.WithDb(db =>
        {
            OccurrenceRules.Done(db.RoutineOccurrences.Single(), BrandBuilder.Ana, Paris2026(11, 25, 11, 0));
            return db.SaveChanges();
        });
        world.Clock.Set(Paris2026(11, 27, 10, 0));

        Assert.Equal(ReminderOutcome.NothingToPost, await world.Fire(brand.Id, "influencerreminder", Paris2026(11, 27, 10, 0)));
        Assert.Equal(2, world.Outbox().Count); // the Tuesday cards only
    }

    [Fact]
    public async Task AboutReminder_AWeekLater_ListsTheProfilesLeft_AndNothingWhenAllAreTicked()
    {
        var brand = world.AddBrand(b => b.WithProfile(Network.Instagram, "@acme").WithProfile(Network.X, "@acme_fr"));
        world.Clock.Set(Paris2026(12, 1, 10, 0));
        await world.Fire(brand.Id, "routine-AboutReview", Paris2026(12, 1, 10, 0));
        world.WithDb(db =>
        {
            var instagram = db.SocialProfiles.Single(p => p.Network == Network.Instagram);
            instagram.AboutReviewedAt = Paris2026(12, 2, 9, 0);
            instagram.AboutReviewedBy = "Ana";
            return db.SaveChanges();
        });
        world.Clock.Set(Paris2026(12, 8, 10, 0));

        Assert.Equal(ReminderOutcome.Posted, await world.Fire(brand.Id, "aboutreminder", Paris2026(12, 8, 10, 0)));
        var text = OutboundContent.FromJson(world.Outbox().Last().Content).Text!;
        Assert.Contains("X · @acme_fr", text);
        Assert.DoesNotContain("Instagram", text);

        world.WithDb(db =>
        {
            db.SocialProfiles.Single(p => p.Network == Network.X).AboutReviewedAt = Paris2026(12, 8, 11, 0);
            db.Set<ReminderPost>().RemoveRange(db.Set<ReminderPost>().Where(p => p.Key.EndsWith(":reminder")));
            return db.SaveChanges();
        });
        Assert.Equal(ReminderOutcome.NothingToPost, await world.Fire(brand.Id, "aboutreminder", Paris2026(12, 8, 10, 0)));
    }

    public void Dispose() => world.Dispose();
}
