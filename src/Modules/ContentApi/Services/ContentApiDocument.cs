using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Modules.ContentApi.Services;

/// <summary>The OpenAPI document's title, what the API is, and the bearer token scheme.</summary>
public sealed class ContentApiDocument : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Content API",
            Version = "1",
            Description = "The site's content in Orchard Core's content item JSON (ContentItemId, ContentType, DisplayText, dates, then one object per part), "
                + "and under Extras the read-only sections modules keep beside an item (QuoteDrift: whether the source still carries the quote); writes ignore Extras. "
                + "Published items are readable by anyone. Drafts and writes need a personal access token, made on /account/tokens and sent as "
                + "\"Authorization: Bearer …\"; a token carries its user's permissions, and a read-scoped token cannot write.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["PersonalAccessToken"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A personal access token (ncpat_…), scope read or write.",
        };
        return Task.CompletedTask;
    }
}
