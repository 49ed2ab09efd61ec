using System.Globalization;
using CmBot.Domain.Brands;
using CmBot.Domain.Common;
using CmBot.Domain.Delivery;
using CmBot.Domain.Drafts;
using CmBot.Domain.Integrations;
using CmBot.Domain.Store;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Api;

/// <summary>
/// Drafts of the key's brand: create one (its card goes to the brand's conversations for approval), list them,
/// read one, and the history of its outgoing webhook deliveries. Another brand's draft is "not found".
/// </summary>
public static class DraftsApi
{
    public sealed record NewDraft(string? Text, IReadOnlyList<string>? Networks, DateTimeOffset? PlannedAt, string? Author, IReadOnlyList<string>? Links);

    public sealed record DraftView(int Id, string State, string Text, IReadOnlyList<string> Networks, IReadOnlyList<string> Links,
        DateTimeOffset? PlannedAt, string Author, DateTimeOffset CreatedAt, int Revision, string? DecidedBy, DateTimeOffset? DecidedAt,
        string? DecisionNote, DateTimeOffset? PublishedAt);

    public sealed record DeliveryView(long Id, string? Event, int SubscriptionId, DateTimeOffset CreatedAt, int Attempts,
        DateTimeOffset? SentAt, bool Failed, string? LastError, DateTimeOffset? NextAttemptAt);

    public static void MapDraftsApi(this RouteGroupBuilder api)
    {
        var drafts = api.MapGroup("/drafts").WithTags("Drafts");
        drafts.MapPost("/", CreateAsync).WithName("CreateDraft");
        drafts.MapGet("/", ListAsync).WithName("ListDrafts");
        drafts.MapGet("/{id:int}", GetAsync).WithName("GetDraft");
        drafts.MapGet("/{id:int}/deliveries", DeliveriesAsync).WithName("ListDraftDeliveries");
    }

    private static async Task<Results<Created<DraftView>, ValidationProblem>> CreateAsync(
        NewDraft body, HttpContext http, CmBotDb db, Outbox outbox, OutboxSignal signal, TimeProvider clock, CancellationToken cancellationToken)
    {
        var brand = await ApiBrands.LoadAsync(db, http, cancellationToken);
        var errors = new Dictionary<string, List<string>>();
        if (string.IsNullOrWhiteSpace(body.Text)) ApiProblems.Add(errors, "text", "A draft needs a text.");
        var (networks, unknown) = NetworkNames.Parse(string.Join(",", body.Networks ?? []), brand.Networks.Select(n => n.Network));
        if (unknown.Count > 0) ApiProblems.Add(errors, "networks", $"Unknown network: {string.Join(", ", unknown)}.");
        else if (networks.Count == 0) ApiProblems.Add(errors, "networks", "Pick at least one network (facebook, x, instagram, pinterest, linkedin, snapchat).");
        if (body.PlannedAt < clock.GetUtcNow()) ApiProblems.Add(errors, "plannedAt", "The planned time is already past.");
        if (body.Links?.Any(l => !Uri.TryCreate(l, UriKind.Absolute, out _)) == true) ApiProblems.Add(errors, "links", "Every link is an absolute URL.");
        if (body.Author?.Length > 200) ApiProblems.Add(errors, "author", "The author is at most 200 characters.");
        if (errors.Count > 0) return ApiProblems.Invalid(errors);

        var caller = http.Caller();
        var author = new ChatUser($"api:{caller.KeyName}", string.IsNullOrWhiteSpace(body.Author) ? $"API ({caller.KeyName})" : body.Author.Trim());
        Draft draft;
        try
        {
            draft = Draft.Create(brand, author, body.Text!, networks, body.PlannedAt, clock.GetUtcNow(), body.Links);
        }
        catch (DomainException refused)
        {
            // What is left for the rules to refuse is the text against the networks' limits.
            return ApiProblems.Invalid("text", refused.Message);
        }
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        db.Drafts.Add(draft);
        await db.SaveChangesAsync(cancellationToken);
        await outbox.PostToBrandAsync(brand.Id, new OutboundContent(null, DraftCard.Build(draft, brand, clock)), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (own is not null) await own.CommitAsync(cancellationToken);
        signal.Notify();
        return TypedResults.Created($"/api/drafts/{draft.Id}", View(draft));
    }

    private static async Task<Results<Ok<List<DraftView>>, ValidationProblem>> ListAsync(
        HttpContext http, CmBotDb db, string? state, CancellationToken cancellationToken)
    {
        var brandId = http.Caller().BrandId;
        var query = db.Drafts.AsNoTracking().Where(d => d.BrandId == brandId);
        if (state is not null)
        {
            if (!Enum.TryParse<DraftState>(state, ignoreCase: true, out var wanted))
                return ApiProblems.Invalid("state", $"State is one of: {string.Join(", ", Enum.GetNames<DraftState>())}.");
            query = query.Where(d => d.State == wanted);
        }
        var drafts = await query.OrderByDescending(d => d.Id).Take(100).ToListAsync(cancellationToken);
        return TypedResults.Ok(drafts.Select(View).ToList());
    }

    private static async Task<Results<Ok<DraftView>, ProblemHttpResult>> GetAsync(int id, HttpContext http, CmBotDb db, CancellationToken cancellationToken)
    {
        var brandId = http.Caller().BrandId;
        var draft = await db.Drafts.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.BrandId == brandId, cancellationToken);
        return draft is null ? ApiProblems.NotFound($"Draft {id}") : TypedResults.Ok(View(draft));
    }

    private static async Task<Results<Ok<List<DeliveryView>>, ProblemHttpResult>> DeliveriesAsync(
        int id, HttpContext http, CmBotDb db, CancellationToken cancellationToken)
    {
        var brandId = http.Caller().BrandId;
        if (!await db.Drafts.AnyAsync(d => d.Id == id && d.BrandId == brandId, cancellationToken)) return ApiProblems.NotFound($"Draft {id}");
        var key = WebhookSubscription.DeliveryKey(id);
        var rows = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Channel == WebhookSubscription.Channel && m.CardKey == key)
            .OrderBy(m => m.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(m => new DeliveryView(m.Id, EventOf(m), int.Parse(m.ConversationId, CultureInfo.InvariantCulture),
            m.CreatedAt, m.Attempts, m.SentAt, m.Failed, m.LastError, m.SentAt is null && !m.Failed ? m.NextAttemptAt : null)).ToList());
    }

    private static string? EventOf(OutboxMessage message) =>
        OutboundContent.FromJson(message.Content).Text is { } json ? DraftWebhookEvent.FromJson(json)?.Event : null;

    public static DraftView View(Draft d) => new(d.Id, d.State.ToString(), d.Text, d.Networks.Select(n => n.ToString()).ToList(), d.Links,
        d.PlannedAt, d.AuthorName, d.CreatedAt, d.Revision, d.DecidedByName, d.DecidedAt, d.DecisionNote, d.PublishedAt);
}
