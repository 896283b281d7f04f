using Cms.Hosting;
using Cms.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Modules.NewsCommentary.Services;
using Modules.NewsCommentary.ViewModels;

namespace Modules.NewsCommentary.Controllers;

/// <summary>The reader's ways in: the home page, the monthly archives and the RSS feed.</summary>
[OutputCache(PolicyName = PublicCachePolicy.Name)]
public sealed class PostsController(PostQueries posts, ISiteService site, IAuthorizationService authorization, FeedWriter feed)
    : ReaderController(authorization)
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(string? page)
    {
        if (await RefuseAsync() is { } refused)
        {
            return refused;
        }

        if (!TryReadPage(page, out var number))
        {
            return PageNumberError(page);
        }

        var settings = await site.GetAsync();
        var (items, hasNext) = await posts.PageAsync(number, settings.PageSize);
        if (items.Count == 0 && number > 1)
        {
            return NotFound();
        }

        ViewData["Title"] = settings.SiteName;
        return View("Home", new PostListViewModel { Groups = await posts.GroupByDateAsync(items), Page = number, HasNext = hasNext });
    }

    [HttpGet("/archive")]
    public async Task<IActionResult> Archive()
    {
        if (await RefuseAsync() is { } refused)
        {
            return refused;
        }

        ViewData["Title"] = "Archive";
        return View("ArchiveIndex", new ArchiveIndexViewModel { Months = await posts.MonthsAsync() });
    }

    [HttpGet("/archive/{year:int:range(1900,9999)}/{month:int:range(1,12)}")]
    public async Task<IActionResult> Month(int year, int month, string? page)
    {
        if (await RefuseAsync() is { } refused)
        {
            return refused;
        }

        if (!TryReadPage(page, out var number))
        {
            return PageNumberError(page);
        }

        var settings = await site.GetAsync();
        var zone = settings.TimeZone();
        var start = TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Unspecified), zone);
        var end = TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(1), zone);
        var (items, hasNext) = await posts.PageAsync(number, settings.PageSize, start, end);
        if (items.Count == 0 && number > 1)
        {
            return NotFound();
        }

        var heading = PostDate.MonthName(year, month);
        ViewData["Title"] = $"Archive: {heading}";
        return View("Home", new PostListViewModel
        {
            Groups = await posts.GroupByDateAsync(items),
            Page = number,
            HasNext = hasNext,
            Heading = heading,
            BasePath = $"/archive/{year}/{month:00}",
        });
    }

    [HttpGet("/rss.xml")]
    public async Task<IActionResult> Rss()
    {
        if (await RefuseAsync() is { } refused)
        {
            return refused;
        }

        var (items, _) = await posts.PageAsync(1, FeedWriter.ItemCount);
        var xml = await feed.WriteRssAsync(items);
        return Content(xml, "application/rss+xml; charset=utf-8");
    }

    [HttpGet("/atom.xml")]
    public async Task<IActionResult> Atom()
    {
        if (await RefuseAsync() is { } refused)
        {
            return refused;
        }

        var (items, _) = await posts.PageAsync(1, FeedWriter.ItemCount);
        var xml = await feed.WriteAtomAsync(items);
        return Content(xml, "application/atom+xml; charset=utf-8");
    }
}
