using CmBot.Domain.Brands;
using CmBot.Domain.Common;
using CmBot.Domain.Conversations;
using CmBot.Domain.Delivery;
using CmBot.Domain.Reminders;
using CmBot.Domain.Store;
using CmBot.Domain.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CmBot.Domain.Tests.Reminders;

/// <summary>
/// The product with its reminders, on a private store and a manual clock, without Quartz: a test fires a
/// reminder the way the job does (<see cref="Fire"/>), or types in a test room, then reads the outbox rows —
/// what would be posted where.
/// </summary>
internal sealed class ReminderWorld : IDisposable
{
    private readonly ServiceProvider services;

    public ReminderWorld(DateTimeOffset now, ReminderOptions? options = null)
    {
        Clock = new ManualClock(now);
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(Clock);
        collection.AddCmBotDomain();
        collection.AddReminders();
        collection.AddSingleton(Options.Create(Store.Options));
        collection.AddSingleton(Options.Create(new ConversationOptions()));
        collection.AddSingleton(Options.Create(options ?? new ReminderOptions()));
        services = collection.BuildServiceProvider();
    }

    public TestStore Store { get; } = new();
    public ManualClock Clock { get; }
    public ReminderScheduleSignal Signal => services.GetRequiredService<ReminderScheduleSignal>();

    public static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>A local time in Paris, 2026.</summary>
    public static DateTimeOffset Paris2026(int month, int day, int hour, int minute = 0) =>
        new(2026, month, day, hour, minute, 0, Paris.GetUtcOffset(new DateTime(2026, month, day, hour, minute, 0)));

    public Brand AddBrand(Func<BrandBuilder, BrandBuilder>? build = null)
    {
        using var db = Store.NewDb();
        var builder = new BrandBuilder(createdAt: Clock.GetUtcNow())
            .WithMember(BrandBuilder.Ana, approver: true, admin: true, onDuty: true)
            .WithMember(BrandBuilder.Bob, approver: true)
            .LinkedTo("test", "room-1")
            .LinkedTo("slack", "C-ACME");
        return (build?.Invoke(builder) ?? builder).SaveIn(db);
    }

    public Task<ReminderOutcome> Fire(int brandId, string reminder, DateTimeOffset scheduledSlot) =>
        services.GetRequiredService<ReminderRunner>().RunAsync(brandId, reminder, scheduledSlot, CancellationToken.None);

    public Task<int> WatchComments() => services.GetRequiredService<CommentDeadlineWatch>().RunAsync(CancellationToken.None);

    public Task<int> WatchDrafts() => services.GetRequiredService<DraftNudgeWatch>().RunAsync(CancellationToken.None);

    public async Task<IReadOnlyList<BotReply>> Say(ChatUser who, string text)
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ConversationService>()
            .HandleAsync(new ChatInput(new ChatAddress("test", "room-1"), who, Text: text));
    }

    public List<OutboxMessage> Outbox()
    {
        using var db = Store.NewDb();
        return db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToList();
    }

    public T WithDb<T>(Func<CmBotDb, T> work)
    {
        using var db = Store.NewDb();
        return work(db);
    }

    public void Dispose()
    {
        services.Dispose();
        Store.Dispose();
    }
}
