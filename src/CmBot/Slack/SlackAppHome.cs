using System.Text.Json.Nodes;
using CmBot.Domain.Brands;
using CmBot.Domain.Cards;
using CmBot.Domain.Comments;
using CmBot.Domain.Common;
using CmBot.Domain.Conversations;
using CmBot.Domain.Drafts;
using CmBot.Domain.Numbers;
using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CmBot.Slack;

/// <summary>
/// The App Home tab of one person: per brand they belong to, the drafts waiting for their approval, the open
/// comments they should answer with their deadlines, and this week's numbers. Read-only: acting happens on the cards.
/// </summary>
public sealed class SlackAppHome(CmBotDb db, TimeProvider clock, SlackTokens tokens, SlackWebApi api, IOptions<ConversationOptions> options)
{
    private const int MaxBrands = 3;
    private const int MaxLines = 5;

    public async Task PublishAsync(string teamId, string userId, CancellationToken cancellationToken)
    {
        if (await tokens.ForTeamAsync(teamId, cancellationToken) is not { } token) return;
        await api.PublishViewAsync(token, userId, await BuildAsync(userId, cancellationToken), cancellationToken);
    }

    public async Task<JsonObject> BuildAsync(string userId, CancellationToken cancellationToken)
    {
        var brands = await db.Brands.AsNoTracking().Include(b => b.Members)
            .Where(b => b.Members.Any(m => m.UserId == userId)).OrderBy(b => b.Name).Take(MaxBrands).ToListAsync(cancellationToken);
        if (brands.Count == 0 && options.Value.FallbackBrand is { } fallback)
            brands = await db.Brands.AsNoTracking().Include(b => b.Members).Where(b => b.Name == fallback).ToListAsync(cancellationToken);

        var blocks = new List<JsonObject>();
        if (brands.Count == 0)
            blocks.Add(BlockKitRenderer.Section("You are in no brand's team yet. In a channel, an admin can type `/cm brand link <name>`; `/cm help` shows the rest."));
        foreach (var brand in brands)
        {
            var language = brand.Language;
            blocks.Add(BlockKitRenderer.Header(brand.Name));
            blocks.Add(BlockKitRenderer.Section(await DraftsAsync(brand, userId, cancellationToken)));
            blocks.Add(BlockKitRenderer.Section(await CommentsAsync(brand, userId, cancellationToken)));
            var numbers = await new NumbersCalculator(db, clock).ComputeHeadlinesAsync(brand, lastWeek: false, MetricFacts.MaxShown, cancellationToken);
            blocks.AddRange(BlockKitRenderer.Render(NumbersCard.Build(numbers, language) with { Sections = [] }, withActions: false).Cast<JsonObject>()
                .Select(b => (JsonObject)b.DeepClone()));
            blocks.Add(new JsonObject { ["type"] = "divider" });
        }
        return new JsonObject
        {
            ["type"] = "home",
            ["blocks"] = new JsonArray([.. blocks.Take(BlockKitLimits.ViewBlocks)]),
        };
    }

    private async Task<string> DraftsAsync(Brand brand, string userId, CancellationToken cancellationToken)
    {
        var language = brand.Language;
        if (!brand.IsApprover(userId)) return language.Pick("No approvals for you here.", "Aucune approbation pour vous ici.");
        var pending = await db.Drafts.AsNoTracking()
            .Where(d => d.BrandId == brand.Id && d.State == DraftState.Pending && d.AuthorId != userId)
            .OrderBy(d => d.Id).Take(MaxLines + 1).ToListAsync(cancellationToken);
        if (pending.Count == 0) return language.Pick("No drafts waiting for your approval.", "Aucun brouillon n'attend votre approbation.");
        var lines = pending.Take(MaxLines).Select(d => $"• {language.Pick("Draft", "Brouillon")} {d.Id} ({string.Join(", ", d.Networks)}): {SlackText.Trim(d.Text, 80)}");
        return language.Pick("Waiting for your approval:", "En attente de votre approbation :") + "\n" + string.Join("\n", lines)
            + (pending.Count > MaxLines ? "\n…" : "");
    }

    private async Task<string> CommentsAsync(Brand brand, string userId, CancellationToken cancellationToken)
    {
        var language = brand.Language;
        var time = brand.Time(clock);
        var open = await db.Comments.AsNoTracking()
            .Where(c => c.BrandId == brand.Id && c.State == CommentState.Open && c.NeedsReply && (c.AssignedToId == null || c.AssignedToId == userId))
            .OrderByDescending(c => c.IsUrgent).ThenBy(c => c.DeadlineAt).Take(MaxLines + 1).ToListAsync(cancellationToken);
        if (open.Count == 0) return language.Pick("No comments waiting for a reply.", "Aucun commentaire en attente de réponse.");
        var lines = open.Take(MaxLines).Select(c =>
        {
            var deadline = c.DeadlineAt < time.Now
                ? language.Pick($"overdue since {Phrasing.Ago(c.DeadlineAt, time.Now, language)}", $"en retard depuis {Phrasing.Ago(c.DeadlineAt, time.Now, language)}")
                : language.Pick($"reply {Phrasing.In(c.DeadlineAt, time.Now, language)}", $"répondre {Phrasing.In(c.DeadlineAt, time.Now, language)}");
            return $"• {(c.IsUrgent ? "🚨 " : "")}{c.Author} ({c.Network}): {SlackText.Trim(c.Text, 80)} · {deadline}";
        });
        return language.Pick("Comments to answer:", "Commentaires à traiter :") + "\n" + string.Join("\n", lines) + (open.Count > MaxLines ? "\n…" : "");
    }
}
