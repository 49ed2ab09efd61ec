using CmBot.Domain.Brands;
using CmBot.Domain.Comments;
using CmBot.Domain.Delivery;
using CmBot.Domain.Drafts;
using CmBot.Domain.Integrations;
using CmBot.Domain.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CmBot.Api;

/// <summary>
/// Comments from any source the brand plugs in: each becomes a card with its reply deadline in the brand's
/// conversations, via the outbox. A comment whose <c>externalId</c> was already received is not taken twice.
/// </summary>
public static class CommentsApi
{
    public const int MaxBatch = 100;

    public sealed record NewComment(string? Network, string? Author, string? Text, string? Permalink, string? ExternalId,
        DateTimeOffset? ReceivedAt, bool? IsPrivate, bool? NeedsReply);

    public sealed record CommentBatch(IReadOnlyList<NewComment>? Comments);

    /// <param name="Created">False when the comment was already received (same external id): nothing new was posted.</param>
    public sealed record CommentView(int Id, bool Created, string Network, string State, bool Urgent, DateTimeOffset DeadlineAt);

    public sealed record CommentBatchView(IReadOnlyList<CommentView> Comments);

    public static void MapCommentsApi(this RouteGroupBuilder api)
    {
        var comments = api.MapGroup("/comments").WithTags("Comments");
        comments.MapPost("/", PostAsync).WithName("PostComment");
        comments.MapPost("/batch", PostBatchAsync).WithName("PostComments");
    }

    private static async Task<Results<Created<CommentView>, Ok<CommentView>, ValidationProblem>> PostAsync(
        NewComment body, HttpContext http, CmBotDb db, OutboxSignal signal, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, List<string>>();
        var incoming = Validate(body, "", clock, errors);
        if (incoming is null) return ApiProblems.Invalid(errors);
        var brand = await ApiBrands.LoadAsync(db, http, cancellationToken);
        var arrival = await CommentInbox.TakeAsync(db, brand, incoming, clock, cancellationToken);
        signal.Notify();
        var view = View(arrival);
        return arrival.IsNew ? TypedResults.Created((string?)null, view) : TypedResults.Ok(view);
    }

    private static async Task<Results<Ok<CommentBatchView>, ValidationProblem>> PostBatchAsync(
        CommentBatch body, HttpContext http, CmBotDb db, OutboxSignal signal, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, List<string>>();
        if (body.Comments is not { Count: > 0 and <= MaxBatch } items)
            return ApiProblems.Invalid("comments", $"Send from 1 to {MaxBatch} comments.");
        // All or nothing on validation: a client fixing one comment resends the batch, and the external ids keep it single.
        var incoming = items.Select((c, i) => Validate(c, $"comments[{i}].", clock, errors)).ToList();
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var brand = await ApiBrands.LoadAsync(db, http, cancellationToken);
        var views = new List<CommentView>();
        foreach (var comment in incoming) views.Add(View(await CommentInbox.TakeAsync(db, brand, comment!, clock, cancellationToken)));
        signal.Notify();
        return TypedResults.Ok(new CommentBatchView(views));
    }

    private static IncomingComment? Validate(NewComment? c, string at, TimeProvider clock, Dictionary<string, List<string>> errors)
    {
        var before = errors.Count;
        if (c is null) { ApiProblems.Add(errors, at.TrimEnd('.'), "A comment is required."); return null; }
        var (networks, unknown) = NetworkNames.Parse(c.Network ?? "", []);
        if (networks.Count != 1 || unknown.Count > 0) ApiProblems.Add(errors, at + "network", "One network: facebook, x, instagram, pinterest, linkedin or snapchat.");
        if (string.IsNullOrWhiteSpace(c.Author) || c.Author.Length > 200) ApiProblems.Add(errors, at + "author", "The author is required, at most 200 characters.");
        if (string.IsNullOrWhiteSpace(c.Text) || c.Text.Length > 10_000) ApiProblems.Add(errors, at + "text", "The text is required, at most 10000 characters.");
        if (c.Permalink is { } link && (link.Length > 1000 || !Uri.TryCreate(link, UriKind.Absolute, out _)))
            ApiProblems.Add(errors, at + "permalink", "The permalink is an absolute URL, at most 1000 characters.");
        if (c.ExternalId?.Length > 200) ApiProblems.Add(errors, at + "externalId", "The external id is at most 200 characters.");
        var now = clock.GetUtcNow();
        if (c.ReceivedAt > now.AddMinutes(5)) ApiProblems.Add(errors, at + "receivedAt", "The comment cannot be received in the future.");
        if (errors.Count > before) return null;
        return new IncomingComment(networks[0], c.Author!, c.Text!, c.Permalink, c.ReceivedAt ?? now, c.ExternalId,
            c.IsPrivate ?? false, c.NeedsReply ?? true);
    }

    private static CommentView View(CommentArrival arrival) => new(arrival.Comment.Id, arrival.IsNew, arrival.Comment.Network.ToString(),
        arrival.Comment.State.ToString(), arrival.Comment.IsUrgent, arrival.Comment.DeadlineAt);
}
