using CmBot.Domain.Conversations;
using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CmBot.Domain.Reminders;

public static class ReminderModule
{
    /// <summary>
    /// The reminders' domain side: what a firing posts, the watches, the chat commands, and the save hook that
    /// makes schedules follow brands. Quartz itself is added by <see cref="ReminderQuartz.AddReminderQuartz"/>.
    /// </summary>
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.AddOptions<ReminderOptions>();
        services.AddSingleton<ReminderPoster>();
        services.AddSingleton<ReminderRunner>();
        services.AddSingleton<CommentDeadlineWatch>();
        services.AddSingleton<DraftNudgeWatch>();
        services.AddSingleton<ReminderScheduleSignal>();
        services.AddSingleton<IChatCommand, AgendaTimeCommand>();
        services.AddSingleton<IChatCommand, ScheduleCommand>();
        services.ConfigureDbContext<CmBotDb>((provider, options) =>
            options.AddInterceptors(new ReminderChangeInterceptor(provider.GetRequiredService<ReminderScheduleSignal>())));
        return services;
    }

    /// <summary>The scheduler side: keeps triggers in line with brands, while the host runs.</summary>
    public static IServiceCollection AddReminderScheduling(this IServiceCollection services)
    {
        services.AddSingleton<ReminderScheduler>();
        services.AddHostedService<ReminderScheduleWorker>();
        return services;
    }
}
