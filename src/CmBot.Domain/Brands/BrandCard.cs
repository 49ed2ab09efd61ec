using CmBot.Domain.Cards;
using CmBot.Domain.Common;

namespace CmBot.Domain.Brands;

/// <summary>The brand's settings at a glance.</summary>
public static class BrandCard
{
    public static Card Build(Brand brand)
    {
        var l = brand.Language;
        string People(Func<BrandMember, bool> role) =>
            brand.Members.Where(role).Select(m => m.Name).DefaultIfEmpty(l.Pick("nobody yet", "personne")).Aggregate((a, b) => $"{a}, {b}");
        var syncDay = l.Culture().DateTimeFormat.GetDayName(brand.SyncDay);
        return new Card($"brand-{brand.Id}", CardKind.Info, brand.Name)
        {
            Subtitle = l.Pick("Brand settings", "Réglages de la marque"),
            Facts =
            [
                new(l.Pick("Time zone", "Fuseau horaire"), brand.TimeZoneId),
                new(l.Pick("Language", "Langue"), l.Pick("English", "français")),
                new(l.Pick("Reply deadline", "Délai de réponse"), Phrasing.Duration(brand.ReplyDeadline, l)),
                new(l.Pick("Weekly sync", "Réunion hebdomadaire"), $"{syncDay} {brand.SyncTime:HH\\:mm}"),
                new(l.Pick("Approvers", "Approbateurs"), brand.AnyoneMayApprove ? l.Pick("anyone", "tout le monde") : People(m => m.IsApprover)),
                new(l.Pick("Admins", "Administrateurs"), People(m => m.IsAdmin)),
                new(l.Pick("On duty", "Astreinte"), People(m => m.IsOnDuty)),
                new(l.Pick("Networks", "Réseaux"), string.Join(", ", brand.Networks.OrderBy(n => n.Network).Select(Target))),
                new(l.Pick("Linked conversations", "Conversations liées"), brand.Channels.Count.ToString(l.Culture())),
            ],
        };
    }

    private static string Target(NetworkTarget target) =>
        target.MinPerDay == target.MaxPerDay ? $"{target.Network} {target.MaxPerDay}/d" : $"{target.Network} {target.MinPerDay}–{target.MaxPerDay}/d";
}
