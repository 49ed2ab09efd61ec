using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using CmBot.Domain.Delivery;
using CmBot.Domain.Integrations;
using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CmBot.Webhooks;

/// <summary>
/// `/webhooks/meta`: the subscription handshake (GET) and the signed deliveries (POST) of the Meta app. Comments and
/// messages to a linked Page or Instagram account become comment cards of its brand; a re-delivery is recognised
/// by the comment or message id. Meta wants a 200 quickly; the work is a few inserts, done before answering so a
/// failure makes Meta retry.
/// </summary>
public static class MetaWebhooks
{
    public const string Path = "/webhooks/meta";
    private const int MaxBytes = 1024 * 1024;

    public static void MapMetaWebhooks(this WebApplication app)
    {
        var meta = app.MapGroup(Path).ExcludeFromDescription();
        meta.MapGet("/", Verify);
        meta.MapPost("/", ReceiveAsync);
    }

    private static IResult Verify(HttpRequest request, IOptions<MetaOptions> options)
    {
        var token = options.Value.VerifyToken;
        var given = request.Query["hub.verify_token"].ToString();
        var matches = !string.IsNullOrEmpty(token)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(given));
        return request.Query["hub.mode"] == "subscribe" && matches
            ? Results.Text(request.Query["hub.challenge"].ToString(), "text/plain")
            : Results.StatusCode(StatusCodes.Status403Forbidden);
    }

    private static async Task<IResult> ReceiveAsync(HttpRequest request, IOptions<MetaOptions> options, CmBotDb db, OutboxSignal signal,
        TimeProvider clock, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        var body = buffer.ToArray();
        if (!HmacSignature.Verify(options.Value.AppSecret, body, request.Headers["X-Hub-Signature-256"]))
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Bad or missing X-Hub-Signature-256.");

        // JSON is UTF-8 (RFC 8259); the parser checks strings only when they are read.
        if (!Utf8.IsValid(body)) return Results.BadRequest("body is not UTF-8");
        List<MetaComment> found;
        try
        {
            using var json = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = Hosting.RequestLimits.MaxJsonDepth });
            found = MetaDeliveryReader.Read(json.RootElement, clock.GetUtcNow());
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }
        var logger = loggers.CreateLogger(typeof(MetaWebhooks));
        var taken = 0;
        foreach (var group in found.GroupBy(f => (f.Network, f.AccountId)))
        {
            var (network, account) = group.Key;
            var brandId = await db.MetaAccounts.Where(a => a.Network == network && a.AccountId == account)
                .Select(a => (int?)a.BrandId).FirstOrDefaultAsync(cancellationToken);
            if (brandId is null)
            {
                logger.LogInformation("Meta delivery for unlinked {Network} account {Account}: ignored", network, account);
                continue;
            }
            var brand = await db.Brands.Include(b => b.Members).FirstAsync(b => b.Id == brandId, cancellationToken);
            foreach (var item in group)
                if ((await CommentInbox.TakeAsync(db, brand, item.Comment, clock, cancellationToken)).IsNew) taken++;
        }
        if (taken > 0) signal.Notify();
        return Results.Ok();
    }
}
