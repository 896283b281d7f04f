using System.Security.Claims;
using Cms.Content;
using Cms.Modules;
using Cms.Security;
using GraphQL;
using Microsoft.AspNetCore.Authorization;
using Modules.ContentApi.Services;
using Modules.Contents;

namespace Modules.GraphQLApi.Services;

/// <summary>
/// The reads behind the GraphQL queries: one database query for a list (index columns only: type, flags,
/// dates, and the tag index as a subquery), then each item is shown only if the caller may see it: a
/// published version needs ViewContent on the item, any other PreviewContent, both decided by the site's
/// authorization (the Contents module's resource-based handler: owner, Securable types).
/// </summary>
public sealed class ContentItemsQuery(
    IContentManager contentManager,
    IAuthorizationService authorization,
    ContentApiSections sections,
    IEnumerable<FeatureBound<IContentListFilter>> filters,
    IFeatureManager features)
{
    public async Task<IReadOnlyList<ContentItem>> ListAsync(ContentListRequest request, ClaimsPrincipal user)
    {
        var rows = contentManager.Query().Where(r => r.ContentType == request.ContentType);
        rows = request.Status switch
        {
            ContentStatus.Latest => rows.Where(r => r.Latest),
            ContentStatus.Draft => rows.Where(r => r.Latest && !r.Published),
            _ => rows.Where(r => r.Published),
        };
        if (request.Tag is { } tag)
        {
            // The same filter as REST's ?tag=: the module that owns tags narrows the rows with its index, as a subquery.
            var filter = await TagFilterAsync();
            if (filter.Problem(tag) is { } problem)
            {
                throw new ExecutionError("where.tag: " + problem);
            }

            rows = filter.Apply(rows, tag);
        }

        rows = Dated(rows, request);

        // Published lists walk (ContentType, PublishedUtc, Id); latest and drafts (ContentType, Latest, ModifiedUtc).
        rows = request.Status == ContentStatus.Published
            ? rows.OrderByDescending(r => r.PublishedUtc).ThenByDescending(r => r.Id)
            : rows.OrderByDescending(r => r.ModifiedUtc).ThenByDescending(r => r.Id);
        var items = await contentManager.ListAsync(rows.Skip(request.Skip).Take(request.First));
        var visible = new List<ContentItem>(items.Count);
        foreach (var item in items)
        {
            if (await MayReadAsync(user, item))
            {
                visible.Add(item);
            }
        }

        // Modules' sections (quoteDrift) asked for on this page are read for all of it at once.
        sections.Expect(visible);
        return visible;
    }

    /// <summary>The item's version the status names, or null when there is none or the caller may not see it.</summary>
    public async Task<ContentItem?> GetAsync(string contentItemId, ContentStatus status, ClaimsPrincipal user)
    {
        var item = await contentManager.GetAsync(contentItemId, status == ContentStatus.Published ? VersionOptions.Published : VersionOptions.Latest);
        if (item is null || (status == ContentStatus.Draft && item.Published))
        {
            return null;
        }

        return await MayReadAsync(user, item) ? item : null;
    }

    private Task<bool> MayReadAsync(ClaimsPrincipal user, ContentItem item)
        => authorization.AuthorizeAsync(user, item.Published ? ContentPermissions.ViewContent : ContentPermissions.PreviewContent, item);

    private static IQueryable<ContentItemRecord> Dated(IQueryable<ContentItemRecord> rows, ContentListRequest request)
    {
        if (request.PublishedAfter is { } publishedAfter)
        {
            rows = rows.Where(r => r.PublishedUtc > publishedAfter);
        }

        if (request.PublishedBefore is { } publishedBefore)
        {
            rows = rows.Where(r => r.PublishedUtc < publishedBefore);
        }

        if (request.CreatedAfter is { } createdAfter)
        {
            rows = rows.Where(r => r.CreatedUtc > createdAfter);
        }

        if (request.CreatedBefore is { } createdBefore)
        {
            rows = rows.Where(r => r.CreatedUtc < createdBefore);
        }

        return rows;
    }

    private async Task<IContentListFilter> TagFilterAsync()
    {
        var enabled = await features.GetEnabledAsync();
        return filters.FirstOrDefault(f => f.Service.Parameter == "tag" && enabled.Contains(f.FeatureId))?.Service
            ?? throw new ExecutionError("where.tag needs tags, which the NewsCommentary feature keeps; it is not enabled on this site.");
    }
}
