using Cms.Display;
using Cms.Hosting;
using Cms.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Modules.Contents;
using Modules.Contents.Services;
using Modules.Forecasts.Models;
using Modules.Forecasts.Services;
using Modules.Forecasts.ViewModels;

namespace Modules.Forecasts.Controllers;

/// <summary>The public record at /forecasts: every forecast with its status, filterable by outcome and tag, and the score.</summary>
[OutputCache(PolicyName = PublicCachePolicy.Name)]
public sealed class ForecastsController(ForecastQueries forecasts, IAuthorizationService authorization) : Controller
{
    public const string Path = "/forecasts";
    public const int PageSize = 50;

    [HttpGet(Path)]
    public async Task<IActionResult> Index(string? outcome, string? tag, string? page)
    {
        if (await this.DenyUnlessAsync(authorization, ContentPermissions.ViewContent) is { } refused)
        {
            return refused;
        }

        if (!PageNumber.TryRead(page, out var number))
        {
            return PageNumber.Refusal(this, page);
        }

        var openOnly = outcome == "open";
        var chosen = ForecastText.FromSlug(outcome);
        if (outcome is not null && chosen is null && !openOnly)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            ViewData["Title"] = "Forecasts";
            ViewData["Error"] = "There is no outcome by that name: choose open, happened, did-not-happen, partly or withdrawn.";
        }

        // A tag is asked for by its slug (/forecasts?tag=russia, as /tags/russia); anything else is named, not guessed at.
        var tagSlug = string.IsNullOrEmpty(tag) ? null : tag;
        if (tagSlug is not null && (Slug.From(tagSlug) != tagSlug || tagSlug.Length > ForecastTag.MaxSlug))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            ViewData["Error"] = "A tag is given by its address, in lower-case letters, digits and hyphens (for example tag=russia).";
            tagSlug = null;
        }

        var (entries, hasNext) = await forecasts.PageAsync(chosen, openOnly, tagSlug, number, PageSize);
        var record = await forecasts.RecordAsync();
        ViewData["Title"] = "Forecasts";
        return View("ForecastsPage", new ForecastsPageViewModel(entries, chosen, openOnly, tagSlug, number, hasNext, record, ForecastJsonLd.Of(entries)));
    }
}
