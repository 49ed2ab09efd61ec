using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace CmBot.Hosting;

/// <summary>
/// Host-wide bounds on what a request may carry ("Limits" section): a body over the limit is refused with 413 before
/// any endpoint reads it; JSON bound by the minimal APIs stops at <see cref="MaxJsonDepth"/> levels (400 past it).
/// </summary>
public sealed class RequestLimits
{
    public const string Section = "Limits";

    /// <summary>Real payloads nest about 6 levels; every JSON parser in CmBot stops here.</summary>
    public const int MaxJsonDepth = 32;

    /// <summary>The only endpoint that takes files: a CSV export may be larger than any chat payload.</summary>
    public const string UploadPath = "/api/metrics/csv";

    public long MaxRequestBytes { get; set; } = 1024 * 1024;

    public long MaxUploadBytes { get; set; } = 5 * 1024 * 1024;

    public long LimitFor(PathString path) => path.StartsWithSegments(UploadPath) ? MaxUploadBytes : MaxRequestBytes;
}

public static class RequestLimitsExtensions
{
    public static WebApplicationBuilder AddRequestLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RequestLimits>().BindConfiguration(RequestLimits.Section);
        // Kestrel's own limit is the backstop; the middleware lifts it per request to that endpoint's limit.
        builder.Services.AddOptions<KestrelServerOptions>()
            .Configure<IOptions<RequestLimits>>((kestrel, limits) => kestrel.Limits.MaxRequestBodySize = limits.Value.MaxRequestBytes);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.MaxDepth = RequestLimits.MaxJsonDepth);
        // First in the pipeline, outside the exception pages: a refusal here is an answer, not an error.
        builder.Services.AddTransient<IStartupFilter, RequestLimitsStartup>();
        return builder;
    }

    private sealed class RequestLimitsStartup(IOptions<RequestLimits> limits) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            // Bound once, at start: the first request should not pay for reading configuration.
            var current = limits.Value;
            app.Use((context, nextStep) => LimitAsync(context, current.LimitFor(context.Request.Path), nextStep));
            next(app);
        };
    }

    private static async Task LimitAsync(HttpContext context, long limit, RequestDelegate next)
    {
        var request = context.Request;
        if (request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            feature.MaxRequestBodySize = request.ContentLength is null ? null : limit;
        // A body without a length (chunked) is measured here, in memory: endpoints then see a known length, and an
        // overlong body never surfaces as an exception from deep inside a handler.
        if (request.ContentLength is null && HasBody(request.Method))
        {
            var buffered = await BoundedBody.ReadAsync(request.Body, null, limit, context.RequestAborted);
            if (buffered is null)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }
            request.Body = buffered;
            request.ContentLength = buffered.Length;
        }
        await next(context);
    }

    private static bool HasBody(string method) => HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method);
}
