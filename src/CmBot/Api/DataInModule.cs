using CmBot.Domain.Delivery;
using CmBot.Domain.Integrations;
using CmBot.Webhooks;
using Microsoft.AspNetCore.DataProtection;

namespace CmBot.Api;

public static class DataInModule
{
    /// <summary>
    /// Getting the data in and out: the REST API (per-brand API keys, OpenAPI document), the Meta webhooks
    /// ("Meta" section), CSV import, and the outgoing draft webhooks sent through the outbox.
    /// </summary>
    public static WebApplicationBuilder AddDataIn(this WebApplicationBuilder builder)
    {
        builder.Services.AddIntegrations();
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer<ApiKeySecurityTransformer>());
        // A body the API cannot bind is thrown, in every environment, for BadRequestProblems to answer with a problem
        // saying why (left to the framework, it is an empty 400, or in Development an error on the exception page).
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddOptions<MetaOptions>().BindConfiguration(MetaOptions.Section);
        builder.Services.AddDataProtection();
        builder.Services.AddSingleton<ISecretProtector, DataProtectionSecretProtector>();
        builder.Services.AddSingleton<ICsvTableReader, CsvTableReader>();
        builder.Services.AddHttpClient(WebhookSender.ClientName, c => c.Timeout = TimeSpan.FromSeconds(10))
            // A receiver's redirect could point the signed body anywhere: redirects are not followed.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        builder.Services.AddSingleton<IChannelSender, WebhookSender>();
        return builder;
    }

    public static WebApplication MapDataIn(this WebApplication app)
    {
        app.MapOpenApi();
        app.UseBadRequestProblems();
        // An idempotent request is recognised by its body: keep the body readable after the endpoint has bound it.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api") && c.Request.Headers.ContainsKey(IdempotencyFilter.Header),
            branch => branch.Use((context, next) => { context.Request.EnableBuffering(); return next(context); }));
        var api = app.MapGroup("/api")
            .AddEndpointFilter<ApiKeyFilter>()
            .AddEndpointFilter<IdempotencyFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapBrandsApi();
        api.MapDraftsApi();
        api.MapCommentsApi();
        api.MapMetricsApi();
        api.MapNumbersApi();
        app.MapMetaWebhooks();
        return app;
    }
}
