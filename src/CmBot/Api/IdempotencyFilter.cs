using System.Security.Cryptography;
using System.Text;
using CmBot.Domain.Delivery;
using CmBot.Domain.Integrations;
using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Api;

/// <summary>
/// A POST with an <c>Idempotency-Key</c> runs once per brand and key. The key is recorded first, in the transaction
/// that holds the request's effects, then the answer is stored with it: a retry gets the stored answer and creates
/// nothing; the same key with another method, path or body is refused (422); a key whose first request is still
/// running answers 409. A 5xx answer is rolled back with its effects, so the client may retry.
/// </summary>
public sealed class IdempotencyFilter(CmBotDb db, OutboxSignal outboxSignal, TimeProvider clock) : IEndpointFilter
{
    public const string Header = "Idempotency-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method) || http.Request.Headers[Header].ToString() is not { Length: > 0 } key)
            return await next(context);
        if (key.Length > 200) return ApiProblems.Invalid(Header, "The Idempotency-Key is at most 200 characters.");
        var caller = http.Caller();
        var hash = await RequestHashAsync(http.Request);
        var cancellationToken = http.RequestAborted;

        if (await FindAsync(caller.BrandId, key, cancellationToken) is { } known) return Replay(known, hash);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var record = new IdempotencyRecord { BrandId = caller.BrandId, Key = key, RequestHash = hash, CreatedAt = clock.GetUtcNow() };
        db.IdempotencyRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same key, sent twice at once: the other request holds it.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return await FindAsync(caller.BrandId, key, cancellationToken) is { } raced ? Replay(raced, hash) : throw new InvalidOperationException("Idempotency record vanished.");
        }

        var answer = await StoredAnswer.CaptureAsync(await next(context), http);
        if (answer.StatusCode >= 500) return answer; // Disposing the transaction rolls the effects back.
        (record.StatusCode, record.ContentType, record.ResponseBody, record.Location) = (answer.StatusCode, answer.ContentType, answer.Body, answer.Location);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outboxSignal.Notify(); // What the endpoint staged is committed only now.
        return answer;
    }

    private Task<IdempotencyRecord?> FindAsync(int brandId, string key, CancellationToken cancellationToken) =>
        db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.BrandId == brandId && r.Key == key, cancellationToken);

    private static IResult Replay(IdempotencyRecord known, string hash)
    {
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(known.RequestHash), Encoding.ASCII.GetBytes(hash)))
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency-Key already used for another request.",
                detail: "This key was sent before with a different method, path or body. Use a new key for a new request.");
        if (known.StatusCode == 0)
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "A request with this Idempotency-Key is still running.");
        return new StoredAnswer(known.StatusCode, known.ContentType, known.ResponseBody, known.Location, Replayed: true);
    }

    private static async Task<string> RequestHashAsync(HttpRequest request)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        if (request.Body.CanSeek)
        {
            request.Body.Position = 0;
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await request.Body.ReadAsync(buffer)) > 0) sha.AppendData(buffer, 0, read);
            request.Body.Position = 0;
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
