using CmBot.Domain.Common;
using CmBot.Domain.Agenda;
using CmBot.Domain.Brands;
using CmBot.Domain.Delivery;
using CmBot.Domain.Routines;
using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Reminders;

/// <summary>
/// What one firing of a brand's reminder writes to the outbox, once per (brand, reminder, period): the rows
/// and a <see cref="ReminderPost"/> under a unique key go in one SaveChanges, so a re-fire, or a second instance
/// firing the same slot, finds the key (or loses on the index) and posts nothing. The caller notifies the
/// outbox signal after a post.
/// </summary>
public sealed class ReminderPoster(AgendaCards agendaCards, TimeProvider clock)
{
    public async Task<ReminderOutcome> PostAsync(CmBotDb db, PlannedReminder reminder, DateTimeOffset slotAt, CancellationToken cancellationToken)
    {
        var brand = await db.Brands.AsNoTracking().Include(b => b.Members).FirstOrDefaultAsync(b => b.Id == reminder.BrandId, cancellationToken);
        if (brand is null) return ReminderOutcome.NothingToPost;
        var outbox = new Outbox(db, clock);
        var key = reminder.Kind switch
        {
            ReminderKind.Agenda => await AgendaAsync(db, outbox, brand, slotAt, cancellationToken),
            ReminderKind.Routine => await RoutineCardAsync(db, outbox, brand, reminder.Routine!.Value, cancellationToken),
            ReminderKind.InfluencerReminder => await RoutineReminderAsync(db, outbox, brand, RoutineKind.InfluencerContact, slotAt, cancellationToken),
            _ => await RoutineReminderAsync(db, outbox, brand, RoutineKind.AboutReview, slotAt, cancellationToken),
        };
        if (key is null)
        {
            db.ChangeTracker.Clear();
            return ReminderOutcome.NothingToPost;
        }
        if (await db.Set<ReminderPost>().AnyAsync(p => p.BrandId == brand.Id && p.Key == key, cancellationToken))
        {
            db.ChangeTracker.Clear();
            return ReminderOutcome.AlreadyPosted;
        }
        db.Add(new ReminderPost { BrandId = brand.Id, Key = key, SlotAt = slotAt, PostedAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return ReminderOutcome.Posted;
        }
        catch (DbUpdateException)
        {
            // Another firing of the same period saved its key first; its rows are the ones that go.
            db.ChangeTracker.Clear();
            return ReminderOutcome.AlreadyPosted;
        }
    }

    /// <summary>The agenda of the week the slot falls in, to every linked channel.</summary>
    private async Task<string> AgendaAsync(CmBotDb db, Outbox outbox, Brand brand, DateTimeOffset slotAt, CancellationToken cancellationToken)
    {
        var week = AgendaWeek.Of(brand.Time(clock).DayOf(slotAt));
        var card = await agendaCards.BuildAsync(db, brand, week, clock, cancellationToken);
        await outbox.PostToBrandAsync(brand.Id, new OutboundContent(null, card), cancellationToken);
        return $"agenda:{week.Year}-W{week.Week:D2}";
    }

    /// <summary>The routine's card for the current period, unless the routine is off or the period already closed.</summary>
    private async Task<string?> RoutineCardAsync(CmBotDb db, Outbox outbox, Brand brand, RoutineKind kind, CancellationToken cancellationToken)
    {
        var routine = await RoutineSetup.EnsureAsync(db, brand.Id, kind, cancellationToken);
        if (!routine.Enabled) return null;
        var (occurrence, card) = await RoutineCards.ForCurrentPeriodAsync(db, brand, kind, clock, cancellationToken);
        if (OccurrenceRules.IsClosed(occurrence)) return null;
        await outbox.PostToBrandAsync(brand.Id, new OutboundContent(null, card), cancellationToken);
        return $"routine:{occurrence.Id}:card";
    }

    /// <summary>The one follow-up of a period whose card went out and is still open.</summary>
    private async Task<string?> RoutineReminderAsync(CmBotDb db, Outbox outbox, Brand brand, RoutineKind kind, DateTimeOffset slotAt, CancellationToken cancellationToken)
    {
        var routine = await RoutineSetup.EnsureAsync(db, brand.Id, kind, cancellationToken);
        if (!routine.Enabled) return null;
        var time = brand.Time(clock);
        var period = RoutinePeriods.KeyAt(routine.Cadence, time, slotAt);
        var occurrence = await db.RoutineOccurrences.AsNoTracking()
            .FirstOrDefaultAsync(o => o.RoutineId == routine.Id && o.Period == period, cancellationToken);
        if (occurrence is null || OccurrenceRules.Standing(occurrence, time.Now) is not null) return null;
        var text = kind == RoutineKind.InfluencerContact
            ? await InfluencerTextAsync(db, brand, occurrence, cancellationToken)
            : await AboutTextAsync(db, brand, routine, occurrence, cancellationToken);
        if (text is null) return null;
        await outbox.PostToBrandAsync(brand.Id, new OutboundContent(text, null), cancellationToken);
        return $"routine:{occurrence.Id}:reminder";
    }

    private static async Task<string> InfluencerTextAsync(CmBotDb db, Brand brand, RoutineOccurrence occurrence, CancellationToken cancellationToken)
    {
        var proposed = await db.Influencers.AsNoTracking().FirstOrDefaultAsync(i => i.Id == occurrence.InfluencerId, cancellationToken);
        var who = proposed is null ? "" : $" ({proposed.Name}, {proposed.Handle})";
        return brand.Language.Pick(
            $"⏰ Reminder: this week's influencer contact is still to do{who}. Click Done on its card once it is made.",
            $"⏰ Rappel : le contact influenceur de la semaine reste à faire{who}. Cliquez sur Fait sur sa carte une fois le contact pris.");
    }

    private async Task<string?> AboutTextAsync(CmBotDb db, Brand brand, Routine routine, RoutineOccurrence occurrence, CancellationToken cancellationToken)
    {
        var periodStart = RoutinePeriods.StartInstant(routine.Cadence, brand.Time(clock), occurrence.DueAt);
        var profiles = await db.SocialProfiles.AsNoTracking().Where(p => p.BrandId == brand.Id).ToListAsync(cancellationToken);
        var left = profiles.Where(p => !AboutReviewCardBuilder.IsTicked(p, periodStart))
            .OrderBy(p => p.Network).ThenBy(p => p.Handle, StringComparer.OrdinalIgnoreCase)
            .Select(AboutReviewCardBuilder.Title).ToList();
        if (left.Count == 0) return null;
        return brand.Language.Pick(
            $"⏰ Reminder: {left.Count} profile(s) still to review this month: {string.Join(", ", left)}.",
            $"⏰ Rappel : {left.Count} profil(s) encore à vérifier ce mois-ci : {string.Join(", ", left)}.");
    }
}
