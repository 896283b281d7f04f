using System.Text.Json.Nodes;
using Cms.Content;
using Cms.ContentDefinitions;
using Cms.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Modules.ContentApi.Security;
using Modules.ContentApi.Services;
using Modules.Contents;

namespace Modules.ContentApi.Endpoints;

/// <summary>GET /api/content/{id} and GET /api/content: published items for anyone, drafts with a token.</summary>
public static class ContentReadEndpoints
{
    public static async Task<IResult> GetAsync(string contentItemId, string? version, HttpContext http, ContentApiReader reader, ItemRepresentation representation, IAuthorizationService authorization)
    {
        if (version is not (null or "published" or "latest"))
        {
            return ApiProblems.BadParameter("version", $"version is 'published' (the default) or 'latest' (the draft, if there is one); '{version}' is neither.");
        }

        var latest = version == "latest";
        if (latest && !http.User.HasApiToken())
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return ApiProblems.Unauthorized("version=latest reads drafts, which needs a personal access token (Authorization: Bearer …).");
        }

        var item = await reader.GetAsync(contentItemId, latest);

        // A draft is read as the editor reads it (EditContent, for the owner EditOwnContent); a published item as its page is.
        if (item is null || !await authorization.AuthorizeAsync(http.User, latest ? ContentPermissions.EditContent : ContentPermissions.ViewContent, item))
        {
            return item is not null && latest
                ? ApiProblems.Forbidden($"The token's user may not edit content item '{contentItemId}', so may not read its draft.")
                : ApiProblems.NotFound(latest
                    ? $"There is no content item '{contentItemId}'."
                    : $"There is no published content item '{contentItemId}'. A draft is read with version=latest and a token.");
        }

        return ApiResponses.Json(http, await representation.TextAsync(item));
    }

    public static async Task<IResult> ListAsync(
        HttpContext http, ContentApiReader reader, ItemRepresentation representation, IContentDefinitionManager definitions, IAuthorizationService authorization)
    {
        var filters = await reader.FiltersAsync();
        var (request, parameter, problem) = ContentListRequest.Read(http.Request.Query, filters);
        if (request is null)
        {
            return ApiProblems.BadParameter(parameter, problem);
        }

        if (await definitions.GetTypeAsync(request.Type) is null)
        {
            return ApiProblems.BadParameter("type", $"There is no content type '{request.Type}'.");
        }

        IReadOnlyList<string>? matches = null;
        var search = request.Q is null ? null : await reader.SearchAsync();
        if (request.Q is not null)
        {
            if (search is null)
            {
                return ApiProblems.BadParameter("q", "Search is not enabled on this site, so q cannot be used.");
            }

            matches = await search.FindIdsAsync(request.Q);
            if (matches is null)
            {
                return ApiProblems.BadParameter("q", $"q '{request.Q}' holds no word to search for.");
            }
        }

        var (items, hasNext) = await reader.ListAsync(request, filters.Where(f => request.Filters.ContainsKey(f.Parameter)).ToList(), matches);
        var visible = new List<ContentItem>(items.Count);
        foreach (var item in items)
        {
            if (await authorization.AuthorizeAsync(http.User, ContentPermissions.ViewContent, item))
            {
                visible.Add(item);
            }
        }

        var shown = new JsonArray([.. await representation.JsonAsync(visible)]);

        var links = new JsonObject { ["Self"] = request.PageUrl(request.Page) };
        var linkHeader = new List<string>();
        if (hasNext)
        {
            links["Next"] = request.PageUrl(request.Page + 1);
            linkHeader.Add($"<{request.PageUrl(request.Page + 1)}>; rel=\"next\"");
        }

        if (request.Page > 1)
        {
            links["Prev"] = request.PageUrl(request.Page - 1);
            linkHeader.Add($"<{request.PageUrl(request.Page - 1)}>; rel=\"prev\"");
        }

        if (linkHeader.Count > 0)
        {
            http.Response.Headers.Link = string.Join(", ", linkHeader);
        }

        var body = new JsonObject
        {
            ["Items"] = shown,
            ["Page"] = request.Page,
            ["PageSize"] = request.PageSize,
            ["Links"] = links,
        };
        if (matches is not null && matches.Count >= search!.RankedLimit)
        {
            body["MoreMatchesThanRanked"] = true;
        }

        return ApiResponses.Json(http, body.ToJsonString(ContentJson.Options));
    }
}
