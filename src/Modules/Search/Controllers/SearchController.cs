using Cms.Display;
using Cms.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Modules.Contents;
using Modules.Search.Services;

namespace Modules.Search.Controllers;

/// <summary>
/// The reader's search page. Not output-cached: its pages would vary by every query typed, and a
/// search must never show a post after it was unpublished.
/// </summary>
public sealed class SearchController(SiteSearch search, IAuthorizationService authorization) : Controller
{
    [HttpGet("/search")]
    public async Task<IActionResult> Index(string? q, string? page)
    {
        if (await this.DenyUnlessAsync(authorization, ContentPermissions.ViewContent) is { } denied)
        {
            return denied;
        }

        if (!PageNumber.TryRead(page, out var number))
        {
            return PageNumber.Refusal(this, page);
        }

        var model = await search.SearchAsync(SearchQuery.Parse(q), number);
        if (model.Results.Count == 0 && number > 1)
        {
            return NotFound();
        }

        ViewData["Title"] = model.Query.Length == 0 ? "Search" : $"Search: {model.Query}";
        return View("SearchResults", model);
    }
}
