using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CmBot.Api;

/// <summary>Tells OpenAPI readers that /api wants a brand's key as a bearer token.</summary>
internal sealed class ApiKeySecurityTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "CmBot API";
        document.Info.Description = "Drafts, comments and numbers of one brand, chosen by the API key (`brand apikey new <name>` in chat).";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["apiKey"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A brand's API key, cmb_<prefix>_<secret>.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("apiKey", document)] = [] });
        return Task.CompletedTask;
    }
}
