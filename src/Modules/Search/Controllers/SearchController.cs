using System.Globalization;
using Cms.Display;
using Cms.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Modules.Search.Services;
using ContentPermissions = Modules.Contents.Permissions;

namespace Modules.Search.Controllers;

/// <summary>
/// The reader's search page. Not output-cached: its pages would vary by every query typed, and a
/// search must never show a post after it was unpublished.
/// </summary>
public sealed class SearchController(SiteSearch search, IAuthorizationService authorization) : Controller
{
    private const int MaxPage = 10_000;

    [HttpGet("/search")]
    public async Task<IActionResult> Index(string? q, string? page)
    {
        if (!await authorization.AuthorizeAsync(User, ContentPermissions.ViewContent))
        {
            return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        }

        if (!TryReadPage(page, out var number))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Error", new ErrorViewModel(StatusCodes.Status400BadRequest)
            {
                Message = $"'{page}' is not a page number: use a whole number from 1 to {MaxPage}.",
            });
        }

        var model = await search.SearchAsync(SearchQuery.Parse(q), number);
        if (model.Results.Count == 0 && number > 1)
        {
            return NotFound();
        }

        ViewData["Title"] = model.Query.Length == 0 ? "Search" : $"Search: {model.Query}";
        return View("SearchResults", model);
    }

    private static bool TryReadPage(string? page, out int number)
    {
        number = 1;
        return page is null || (int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number is >= 1 and <= MaxPage);
    }
}
