using System.Data.Common;
using CmBot.Domain.Brands;
using CmBot.Domain.Routines;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CmBot.Domain.Reminders;

/// <summary>
/// Notices saves that change what a brand should have scheduled (its sync slot or zone, a routine switched
/// or moved, a brand added or removed) and signals them once committed: Quartz writes through its own
/// connection, which on SQLite would wait on the conversation's open write transaction, and a rolled-back
/// change must not move a schedule. Whatever code path made the change (`agenda time`, `routines on blog`,
/// `brand set timezone`), the schedule follows.
/// </summary>
public sealed class ReminderChangeInterceptor(ReminderScheduleSignal signal) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly List<object> saving = [];
    private readonly HashSet<int> awaitingCommit = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Settle(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Settle(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => saving.Clear();

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        saving.Clear();
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release();
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => awaitingCommit.Clear();

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        awaitingCommit.Clear();
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null) return;
        // Entities, not ids: a brand being added has no id until it is saved.
        foreach (var entry in context.ChangeTracker.Entries())
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && entry.Entity is Brand or Routine)
                saving.Add(entry.Entity);
    }

    private void Settle(DbContext? context)
    {
        var ids = saving.Select(e => e is Brand brand ? brand.Id : ((Routine)e).BrandId).Where(id => id > 0).ToList();
        saving.Clear();
        if (context?.Database.CurrentTransaction is null)
            foreach (var id in ids.Distinct()) signal.Notify(id);
        else
            awaitingCommit.UnionWith(ids);
    }

    private void Release()
    {
        foreach (var id in awaitingCommit) signal.Notify(id);
        awaitingCommit.Clear();
    }
}
