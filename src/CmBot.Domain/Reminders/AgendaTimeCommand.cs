using CmBot.Domain.Cards;
using CmBot.Domain.Brands;
using CmBot.Domain.Common;
using CmBot.Domain.Conversations;
using CmBot.Domain.Routines;

namespace CmBot.Domain.Reminders;

/// <summary>
/// `agenda time monday 9:30` / `ordre du jour heure lundi 9h30`: moves the weekly sync agenda's slot (admins).
/// The trigger follows once the change is committed (<see cref="ReminderChangeInterceptor"/>).
/// </summary>
public sealed class AgendaTimeCommand : IChatCommand
{
    public CommandInfo Info { get; } = new(["agenda time", "ordre du jour heure", "agenda heure"],
        "`agenda time monday 9:30`: when the weekly agenda is posted (admins)",
        "`ordre du jour heure lundi 9h30` : quand l'ordre du jour est publié (admins)");

    public async Task<IReadOnlyList<BotReply>> RunAsync(ConversationContext context, string arguments, CancellationToken cancellationToken)
    {
        var brand = context.Brand;
        BrandAccess.RequireAdmin(context, brand);
        if (!SlotText.TryParse(arguments, out var day, out var time))
            throw new DomainException(context.L("Tell me a day and a time, e.g. `agenda time monday 9:30`.",
                "Indiquez un jour et une heure, par ex. `ordre du jour heure lundi 9h30`."));
        brand.SyncDay = day;
        brand.SyncTime = time;
        await context.Db.SaveChangesAsync(cancellationToken);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(brand.TimeZoneId);
        var next = SlotClock.NextAfter(Slot.Weekly(day, time), zone, context.Now);
        var dayName = context.Language.Culture().DateTimeFormat.GetDayName(day);
        var at = time.ToString("HH:mm", context.Language.Culture());
        return [BotReply.Say(context.L(
            $"The weekly sync agenda will be posted every {dayName} at {at} ({brand.TimeZoneId}). Next: {RoutineText.Local(next, context.Time, context.Language)}.",
            $"L'ordre du jour sera publié chaque {dayName} à {at} ({brand.TimeZoneId}). Prochain : {RoutineText.Local(next, context.Time, context.Language)}."))];
    }
}
