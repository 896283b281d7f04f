using System.Security.Claims;
using Cms.Admin;
using Cms.ContentDefinitions;
using Cms.Data;
using Cms.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Modules.Contents.Indexes;
using Modules.Contents.ViewModels;

namespace Modules.Contents.Controllers;

/// <summary>The admin content list: filters by type, status and author, search on the title, sorting and paging.</summary>
[Admin]
public sealed class ContentListController(CmsDbContext db, IContentDefinitionManager definitions, IAuthorizationService authorization) : Controller
{
    public const int PageSize = 20;

    [HttpGet("/admin/contents")]
    public async Task<IActionResult> Index([FromQuery] ContentListFilter filter)
    {
        if (!await authorization.AuthorizeAsync(User, ContentPermissions.EditOwnContent))
        {
            return Forbid();
        }

        filter.Page = Math.Clamp(filter.Page, 1, 100_000);
        var types = (await definitions.ListTypesAsync()).Where(t => t.GetSettings().Listable).ToList();
        var query = Filtered(filter, await authorization.AuthorizeAsync(User, ContentPermissions.ListContent));
        query = filter.Sort switch
        {
            "oldest" => query.OrderBy(r => r.ModifiedUtc),
            "title" => query.OrderBy(r => r.DisplayText),
            "published" => query.OrderByDescending(r => r.PublishedUtc),
            _ => query.OrderByDescending(r => r.ModifiedUtc),
        };
        var rows = await query.Skip((filter.Page - 1) * PageSize).Take(PageSize + 1)
            .Select(r => new { r.ContentItemId, r.DisplayText, r.ContentType, r.Author, r.ModifiedUtc, r.Published, r.Latest })
            .ToListAsync();
        var ids = rows.Select(r => r.ContentItemId).ToList();
        var published = await db.ContentItems.AsNoTracking().Where(r => ids.Contains(r.ContentItemId) && r.Published)
            .Select(r => r.ContentItemId).ToListAsync();
        var paths = await db.Set<AutoroutePartIndex>().AsNoTracking().Where(i => ids.Contains(i.ContentItemId) && i.Published)
            .Select(i => new { i.ContentItemId, i.Path }).ToListAsync();
        var entries = rows.Take(PageSize).Select(r => new ContentListEntry(
            r.ContentItemId, r.DisplayText, r.ContentType, r.Author, r.ModifiedUtc,
            published.Contains(r.ContentItemId),
            r.Latest && !r.Published,
            paths.FirstOrDefault(p => p.ContentItemId == r.ContentItemId)?.Path is { } path ? "/" + path : null)).ToList();

        ViewData["Title"] = "Content";
        return View("ContentList", new ContentListViewModel
        {
            Filter = filter,
            Items = entries,
            Types = types.Select(t => (t.Name, t.DisplayName)).ToList(),
            CreatableTypes = types.Where(t => t.GetSettings().Creatable).Select(t => (t.Name, t.DisplayName)).ToList(),
            HasNext = rows.Count > PageSize,
            QueryWithoutPage = QueryString(filter),
        });
    }

    private IQueryable<Cms.Content.ContentItemRecord> Filtered(ContentListFilter filter, bool mayListAll)
    {
        var query = db.ContentItems.AsNoTracking();
        query = filter.Status switch
        {
            "published" => query.Where(r => r.Published),
            "draft" => query.Where(r => r.Latest && !r.Published),
            _ => query.Where(r => r.Latest),
        };
        if (!string.IsNullOrEmpty(filter.Type))
        {
            query = query.Where(r => r.ContentType == filter.Type);
        }

        if (!string.IsNullOrWhiteSpace(filter.Owner))
        {
            query = query.Where(r => r.Author == filter.Owner.Trim());
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var text = filter.Q.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1862 // Translated to SQL lower(...) LIKE, which runs in the database, not in .NET.
            query = query.Where(r => r.DisplayText.ToLower().Contains(text));
#pragma warning restore CA1304, CA1862
        }

        if (!mayListAll)
        {
            var userId = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
            query = query.Where(r => r.Owner == userId);
        }

        return query;
    }

    private static string QueryString(ContentListFilter filter)
    {
        var pairs = new Dictionary<string, string?>
        {
            ["type"] = filter.Type, ["status"] = filter.Status, ["owner"] = filter.Owner, ["q"] = filter.Q, ["sort"] = filter.Sort,
        };
        return Microsoft.AspNetCore.Http.QueryString.Create(pairs.Where(p => !string.IsNullOrEmpty(p.Value))).ToString();
    }
}
