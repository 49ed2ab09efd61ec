using System.Globalization;
using CmBot.Domain.Cards;
using CmBot.Domain.Common;
using CmBot.Domain.Delivery;
using CmBot.Domain.Drafts;
using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CmBot.Domain.Reminders;

/// <summary>
/// Drafts close to their time, looked at every minute: a draft still pending an hour before its planned
/// publication nudges the brand's approvers, once (claimed by a conditional update with its outbox row).
/// </summary>
public sealed class DraftNudgeWatch(IServiceScopeFactory scopes, OutboxSignal outboxSignal, TimeProvider clock, IOptions<ReminderOptions> options)
{
    /// <returns>How many drafts were nudged.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmBotDb>();
        DateTimeOffset? now = clock.GetUtcNow();
        DateTimeOffset? soon = now + options.Value.DraftNudgeBefore;
        var due = await db.Drafts
            .Where(d => d.State == DraftState.Pending && d.ApproversNudgedAt == null && d.PlannedAt > now && d.PlannedAt <= soon)
            .Select(d => d.Id).ToListAsync(cancellationToken);
        var nudged = 0;
        foreach (var id in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.Drafts.Where(d => d.Id == id && d.State == DraftState.Pending && d.ApproversNudgedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.ApproversNudgedAt, now), cancellationToken);
            if (claimed == 0) continue;
            var draft = await db.Drafts.AsNoTracking().FirstAsync(d => d.Id == id, cancellationToken);
            var brand = await db.Brands.AsNoTracking().Include(b => b.Members).FirstAsync(b => b.Id == draft.BrandId, cancellationToken);
            var approvers = brand.Members.Where(m => m.IsApprover).Select(m => new ChatUser(m.UserId, m.Name)).ToList();
            var who = approvers.Count > 0 ? string.Join(", ", approvers.Select(a => "@" + a.Name)) : brand.Language.Pick("Approvers", "Approbateurs");
            var at = Phrasing.LocalDateTime(brand.Time(clock).ToLocal(draft.PlannedAt!.Value), brand.Language);
            var number = draft.Id.ToString(CultureInfo.InvariantCulture);
            var text = brand.Language.Pick(
                $"⏳ Draft {number} ({string.Join(", ", draft.Networks)}) is planned for {at} and still waits for approval. {who}: please decide.",
                $"⏳ Le brouillon {number} ({string.Join(", ", draft.Networks)}) est prévu {at} et attend encore une approbation. {who} : merci de trancher.");
            await new Outbox(db, clock).PostToBrandAsync(brand.Id, new OutboundContent(text, null) { Mentions = approvers }, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            nudged++;
        }
        if (nudged > 0) outboxSignal.Notify();
        return nudged;
    }
}
