using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Content;
using Cms.ContentDefinitions;
using Cms.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Modules.ContentApi.Security;
using Modules.ContentApi.Services;
using Modules.Contents;

namespace Modules.ContentApi.Endpoints;

/// <summary>
/// Create, update, publish, unpublish and delete with a write token, through the content manager, with the
/// permission checks of the admin (the content authorization handler decides "own" and per-type rights).
/// </summary>
public static class ContentWriteEndpoints
{
    public static async Task<IResult> CreateAsync(string? publish, HttpContext http, IContentManager contentManager, IContentDefinitionManager definitions,
        ContentApiWriter writer, IAuthorizationService authorization)
    {
        if ((Refused(http.User) ?? BadPublish(publish)) is { } refused)
        {
            return refused;
        }

        if (await ReadBodyAsync(http) is not { } body)
        {
            return ApiProblems.BadParameter("body", "The body must be a content item as a JSON object (Content-Type: application/json).");
        }

        var typeName = body["ContentType"] is JsonValue v && v.TryGetValue<string>(out var t) ? t : null;
        if (typeName is null || await definitions.GetTypeAsync(typeName) is not { } type || !type.GetSettings().Creatable)
        {
            return ApiProblems.Invalid(new Dictionary<string, string[]> { ["ContentType"] = [typeName is null ? "Name the item's ContentType." : $"'{typeName}' is not a content type that can be created."] });
        }

        var item = contentManager.New(type.Name);
        item.Owner = http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        item.Author = http.User.Identity?.Name ?? "";
        var published = publish == "true" || !type.GetSettings().Draftable;
        if (await DeniedAsync(authorization, http.User, item, published) is { } denied)
        {
            return denied;
        }

        var errors = writer.Apply(body, item, type);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        return await StoreAsync(http, () => published ? contentManager.PublishAsync(item) : contentManager.SaveDraftAsync(item), StatusCodes.Status201Created);
    }

    public static async Task<IResult> UpdateAsync(string contentItemId, string? publish, HttpContext http, IContentManager contentManager,
        IContentDefinitionManager definitions, ContentApiWriter writer, IAuthorizationService authorization)
    {
        if ((Refused(http.User) ?? BadPublish(publish)) is { } refused)
        {
            return refused;
        }

        var item = await contentManager.GetAsync(contentItemId, VersionOptions.Latest);
        if (item is null || await definitions.GetTypeAsync(item.ContentType) is not { } type)
        {
            return ApiProblems.NotFound($"There is no content item '{contentItemId}'.");
        }

        var published = publish == "true" || !type.GetSettings().Draftable;
        if (await DeniedAsync(authorization, http.User, item, published) is { } denied)
        {
            return denied;
        }

        if (await StaleAsync(http, item) is { } stale)
        {
            return stale;
        }

        if (await ReadBodyAsync(http) is not { } body)
        {
            return ApiProblems.BadParameter("body", "The body must be a content item as a JSON object (Content-Type: application/json).");
        }

        var errors = writer.Apply(body, item, type);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        return await StoreAsync(http, () => published ? contentManager.PublishAsync(item) : contentManager.SaveDraftAsync(item), StatusCodes.Status200OK);
    }

    public static async Task<IResult> PublishAsync(string contentItemId, HttpContext http, IContentManager contentManager, IAuthorizationService authorization)
        => await ActAsync(contentItemId, http, contentManager, authorization, ContentPermissions.PublishContent,
            async item => await contentManager.PublishAsync(item));

    public static async Task<IResult> UnpublishAsync(string contentItemId, HttpContext http, IContentManager contentManager, IAuthorizationService authorization)
        => await ActAsync(contentItemId, http, contentManager, authorization, ContentPermissions.PublishContent, async item =>
        {
            await contentManager.UnpublishAsync(item.ContentItemId);
            return (await contentManager.GetAsync(item.ContentItemId, VersionOptions.Latest))!;
        });

    public static async Task<IResult> DeleteAsync(string contentItemId, HttpContext http, IContentManager contentManager, IAuthorizationService authorization)
    {
        var result = await ActAsync(contentItemId, http, contentManager, authorization, ContentPermissions.DeleteContent, async item =>
        {
            await contentManager.RemoveAsync(item.ContentItemId);
            return item;
        });
        return result is IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK } ? Results.NoContent() : result;
    }

    private static async Task<IResult> ActAsync(string id, HttpContext http, IContentManager contentManager, IAuthorizationService authorization,
        Permission permission, Func<ContentItem, Task<ContentItem>> act)
    {
        if (Refused(http.User) is { } refused)
        {
            return refused;
        }

        var item = await contentManager.GetAsync(id, VersionOptions.Latest);
        if (item is null)
        {
            return ApiProblems.NotFound($"There is no content item '{id}'.");
        }

        if (!await authorization.AuthorizeAsync(http.User, permission, item))
        {
            return ApiProblems.Forbidden($"The token's user does not hold {permission.Name} for content item '{id}'.");
        }

        return await StaleAsync(http, item) ?? await StoreAsync(http, () => act(item), StatusCodes.Status200OK);
    }

    private static IResult? BadPublish(string? publish) => publish is null or "true" or "false"
        ? null
        : ApiProblems.BadParameter("publish", $"publish is true or false; '{publish}' is neither.");

    /// <summary>Writes need a token, and a write-scoped one; a cookie never writes (no CSRF surface).</summary>
    private static IResult? Refused(ClaimsPrincipal user)
    {
        if (!user.HasApiToken())
        {
            return ApiProblems.Unauthorized("Writing needs a personal access token with the write scope (Authorization: Bearer …), made on your account page.");
        }

        return user.MayWriteThroughApi() ? null : ApiProblems.Forbidden("This token has the read scope: it cannot write. Make a token with the write scope.");
    }

    private static async Task<IResult?> DeniedAsync(IAuthorizationService authorization, ClaimsPrincipal user, ContentItem item, bool publish)
    {
        if (!await authorization.AuthorizeAsync(user, ContentPermissions.EditContent, item))
        {
            return ApiProblems.Forbidden($"The token's user may not edit this {item.ContentType}.");
        }

        return publish && !await authorization.AuthorizeAsync(user, ContentPermissions.PublishContent, item)
            ? ApiProblems.Forbidden($"The token's user may not publish this {item.ContentType}; leave publish out to save a draft.")
            : null;
    }

    /// <summary>An If-Match naming another version than the latest: someone changed the item since the client read it.</summary>
    private static async Task<IResult?> StaleAsync(HttpContext http, ContentItem item)
    {
        string? ifMatch = http.Request.Headers.IfMatch;
        if (string.IsNullOrEmpty(ifMatch))
        {
            return http.Request.Method == HttpMethods.Put
                ? ApiProblems.Problem(StatusCodes.Status428PreconditionRequired, "Precondition required",
                    "Send If-Match with the ETag of the version you read (GET with version=latest), so a change made since is not overwritten.")
                : null;
        }

        // The tag of what a read answers (the item and its read-only sections), so a GET's ETag is what If-Match names.
        var etag = await Representation(http).ETagAsync(item);
        return ItemETag.Matches(ifMatch, etag) ? null : ApiProblems.PreconditionFailed(
            $"Content item '{item.ContentItemId}' has changed since the version If-Match names (its ETag is now {etag}). Read it again and reapply your change.");
    }

    private static async Task<IResult> StoreAsync(HttpContext http, Func<Task<ContentItem>> store, int status)
    {
        ContentItem stored;
        try
        {
            stored = await store();
        }
        catch (ContentOperationException ex)
        {
            return ApiProblems.Conflict(ex.Message);
        }

        if (status == StatusCodes.Status201Created)
        {
            http.Response.Headers.Location = "/api/content/" + stored.ContentItemId;
        }

        // Sections read before the write (for If-Match) may describe what the write changed: read them again.
        var representation = Representation(http);
        representation.Forget();
        return ApiResponses.Json(http, await representation.TextAsync(stored), status);
    }

    /// <summary>The request's representation service (scoped), for the helpers every write shares.</summary>
    private static ItemRepresentation Representation(HttpContext http) => http.RequestServices.GetRequiredService<ItemRepresentation>();

    private static async Task<JsonObject?> ReadBodyAsync(HttpContext http)
    {
        if (http.Request.HasJsonContentType() is false)
        {
            return null;
        }

        try
        {
            return await JsonNode.ParseAsync(http.Request.Body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
