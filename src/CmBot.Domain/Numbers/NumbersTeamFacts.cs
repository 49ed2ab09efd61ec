using CmBot.Domain.Cards;
using CmBot.Domain.Common;

namespace CmBot.Domain.Numbers;

/// <summary>The "Team" section of the numbers card: counts with their change, durations and shares beside last span's.</summary>
public static class NumbersTeamFacts
{
    public static IReadOnlyList<CardFact> Build(TeamNumbers now, TeamNumbers before, Language language) =>
    [
        new(language.Pick("Drafts approved", "Brouillons approuvés"), Count(now.DraftsApproved, before.DraftsApproved, language)),
        new(language.Pick("Median time to approval", "Délai médian d'approbation"), Versus(
            NumbersFormat.Duration(now.MedianTimeToApproval, language), NumbersFormat.Duration(before.MedianTimeToApproval, language), language)),
        new(language.Pick("Comments received", "Commentaires reçus"), Count(now.CommentsReceived, before.CommentsReceived, language)),
        new(language.Pick("Replied within the deadline", "Réponses dans le délai"), Versus(Share(now, language), Share(before, language), language)),
        new(language.Pick("Median reply time", "Délai médian de réponse"), Versus(
            NumbersFormat.Duration(now.MedianReplyTime, language), NumbersFormat.Duration(before.MedianReplyTime, language), language)),
        new(language.Pick("Influencer contacts", "Contacts influenceurs"), Count(now.InfluencerContacts, before.InfluencerContacts, language)),
        new(language.Pick("Routines done on time", "Routines faites à temps"), Versus(
            OutOf(now.RoutinesOnTime, now.RoutinesCounted, language), OutOf(before.RoutinesOnTime, before.RoutinesCounted, language), language)),
    ];

    private static string Count(int now, int before, Language language) =>
        NumbersFormat.Comparison(new MetricComparison("", now, before), language);

    /// <summary>"80% (4 of 5)"; "—" when no comment counts yet.</summary>
    private static string Share(TeamNumbers team, Language language) =>
        team.ShareRepliedInTime is { } share
            ? $"{NumbersFormat.Percent(share * 100, language)} ({OutOf(team.RepliedInTime, team.RepliesExpected, language)})"
            : "—";

    private static string OutOf(int part, int whole, Language language) =>
        whole == 0 ? "—" : language.Pick($"{part} of {whole}", $"{part} sur {whole}");

    private static string Versus(string now, string before, Language language) =>
        $"{now} · {language.Pick("vs", "contre")} {before}";
}
