using CmBot.Domain.Conversations;
using CmBot.Domain.Reminders;
using CmBot.Domain.Store;
using CmBot.Domain.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace CmBot.Domain.Tests.Reminders;

/// <summary>
/// One host's worth of reminders with a real Quartz scheduler on a persistent store, configured exactly as the
/// host configures it (<see cref="ReminderQuartz"/>). Quartz keeps real time; the product reads
/// <see cref="Clock"/>, which a test sets before scheduling and then moves to real time.
/// </summary>
internal sealed class QuartzNode : IAsyncDisposable
{
    private readonly ServiceProvider services;

    public QuartzNode(StoreOptions store, ManualClock clock, string instanceId, ReminderOptions? options = null)
    {
        Clock = clock;
        options ??= new ReminderOptions();
        options.InstanceId = instanceId;
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(clock);
        collection.AddCmBotDomain();
        collection.AddReminders();
        collection.AddReminderScheduling();
        collection.AddReminderQuartz(store.IsPostgres, options, TimeProvider.System);
        // Quartz registers the clock it was given as the container's; the product's is the manual one.
        collection.AddSingleton<TimeProvider>(clock);
        collection.AddSingleton(Options.Create(store));
        collection.AddSingleton(Options.Create(new ConversationOptions()));
        collection.AddSingleton(Options.Create(options));
        services = collection.BuildServiceProvider();
    }

    public ManualClock Clock { get; }

    public ReminderScheduler Reminders => services.GetRequiredService<ReminderScheduler>();

    public ValueTask<IScheduler> Scheduler() => services.GetRequiredService<ISchedulerFactory>().GetScheduler();

    public async ValueTask DisposeAsync()
    {
        var scheduler = await Scheduler();
        await scheduler.Shutdown(waitForJobsToComplete: true);
        await services.DisposeAsync();
    }
}
