using Cms.Hosting;
using Cms.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Modules.NewsCommentary.Models;
using Modules.NewsCommentary.Services;
using Modules.NewsCommentary.ViewModels;
using Slugs = Modules.Contents.Services.Slug;

namespace Modules.NewsCommentary.Controllers;

/// <summary>The tag list, each tag's pages of posts and its RSS and Atom feeds.</summary>
[OutputCache(PolicyName = PublicCachePolicy.Name)]
public sealed class TagsController(TagQueries tags, PostQueries posts, ISiteService site, IAuthorizationService authorization, FeedWriter feed)
    : ReaderController(authorization)
{
    [HttpGet(TagPaths.Index)]
    public async Task<IActionResult> Index()
    {
        if (await RefuseAsync() is { } refused)
        {
            return refused;
        }

        ViewData["Title"] = "Tags";
        return View("TagIndex", new TagIndexViewModel { Tags = await tags.AllAsync() });
    }

    [HttpGet(TagPaths.Index + "/{slug}")]
    public async Task<IActionResult> Tag(string slug, string? page)
    {
        if (await RefuseAsync() is { } refused)
        {
            return refused;
        }

        if (!TryReadPage(page, out var number))
        {
            return PageNumberError(page);
        }

        if (!IsSlug(slug))
        {
            return NotFound();
        }

        var (items, hasNext) = await tags.PageAsync(slug, number, (await site.GetAsync()).PageSize);
        if (items.Count == 0)
        {
            return NotFound();
        }

        var tag = new TagName(TagQueries.NameIn(items, slug), slug);
        ViewData["Title"] = $"Tagged “{tag.Name}”";
        return View("TagPage", new TagPageViewModel
        {
            Tag = tag,
            Posts = new PostListViewModel
            {
                Groups = await posts.GroupByDateAsync(items),
                Page = number,
                HasNext = hasNext,
                Heading = $"Tagged “{tag.Name}”",
                BasePath = TagPaths.Page(slug),
            },
        });
    }

    [HttpGet(TagPaths.Index + "/{slug}/rss.xml")]
    public Task<IActionResult> Rss(string slug)
        => FeedAsync(slug, async (items, tag) => Content(await feed.WriteRssAsync(items, tag), "application/rss+xml; charset=utf-8"));

    [HttpGet(TagPaths.Index + "/{slug}/atom.xml")]
    public Task<IActionResult> Atom(string slug)
        => FeedAsync(slug, async (items, tag) => Content(await feed.WriteAtomAsync(items, tag), "application/atom+xml; charset=utf-8"));

    private async Task<IActionResult> FeedAsync(string slug, Func<IReadOnlyList<Cms.Content.ContentItem>, TagName, Task<ContentResult>> write)
    {
        if (await RefuseAsync() is { } refused)
        {
            return refused;
        }

        var (items, _) = IsSlug(slug) ? await tags.PageAsync(slug, 1, FeedWriter.ItemCount) : ([], false);
        if (items.Count == 0)
        {
            return NotFound();
        }

        return await write(items, new TagName(TagQueries.NameIn(items, slug), slug));
    }

    /// <summary>Only an address the site itself makes is looked up; anything else is simply not a tag.</summary>
    private static bool IsSlug(string slug) => slug.Length <= TagsPart.MaxTagLength && Slugs.From(slug) == slug;
}
