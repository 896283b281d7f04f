using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Routing;
using Modules.ContentApi.Services;

namespace Modules.ContentApi.Endpoints;

/// <summary>The routes of /api/content, its preflight, and its OpenAPI document.</summary>
public static class ContentApiEndpoints
{
    public const string DocumentName = "content";
    public const string DocumentPath = "/api/openapi/content.json";

    public static void MapContentApiEndpoints(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/content").WithTags("Content").AddEndpointFilter<ApiCorsFilter>();

        api.MapGet("/{contentItemId}", ContentReadEndpoints.GetAsync)
            .WithName("GetContentItem")
            .WithSummary("One content item, in Orchard's content item JSON")
            .WithDescription("The published version; with a token, version=latest reads the draft. Answers an ETag (If-None-Match gives 304).")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithMetadata(new OutputCacheAttribute { PolicyName = ContentApiCache.Policy });

        api.MapGet("", ContentReadEndpoints.ListAsync)
            .WithName("ListContentItems")
            .WithSummary("A page of published items of one type, newest first")
            .WithDescription("Query: type (required), tag, q (search, most relevant first), page (from 1), pageSize (1 to 100, default 20). "
                + "Links to the next and previous pages are in the Link header and in Links.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithMetadata(new OutputCacheAttribute { PolicyName = ContentApiCache.ListPolicy });

        api.MapPost("", ContentWriteEndpoints.CreateAsync)
            .WithName("CreateContentItem")
            .WithSummary("Create an item (write token): a draft, or published with publish=true")
            .Accepts<object>("application/json")
            .Produces(StatusCodes.Status201Created, contentType: "application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapPut("/{contentItemId}", ContentWriteEndpoints.UpdateAsync)
            .WithName("UpdateContentItem")
            .WithSummary("Change an item's parts (write token, If-Match required); saves a draft, or publishes with publish=true")
            .Accepts<object>("application/json")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        api.MapPost("/{contentItemId}/publish", ContentWriteEndpoints.PublishAsync)
            .WithName("PublishContentItem").WithSummary("Publish the latest version (write token)")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/{contentItemId}/unpublish", ContentWriteEndpoints.UnpublishAsync)
            .WithName("UnpublishContentItem").WithSummary("Take the published version down; a draft stays (write token)")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(StatusCodes.Status404NotFound);

        api.MapDelete("/{contentItemId}", ContentWriteEndpoints.DeleteAsync)
            .WithName("DeleteContentItem").WithSummary("Delete the item (write token)")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);

        routes.MapMethods("/api/content/{**rest}", [HttpMethods.Options], (HttpContext http, ApiCors cors) => cors.Preflight(http)).ExcludeFromDescription();
        routes.MapMethods("/api/content", [HttpMethods.Options], (HttpContext http, ApiCors cors) => cors.Preflight(http)).ExcludeFromDescription();
        routes.MapOpenApi("/api/openapi/{documentName}.json");
    }
}

/// <summary>The output-cache policy of anonymous API reads: the public pages' tag (so the same evictions), plus the origin.</summary>
public static class ContentApiCache
{
    public const string Policy = "ContentApi";

    /// <summary>The list's policy: the same, varied by the list's own query parameters.</summary>
    public const string ListPolicy = "ContentApiList";
}
