using System.Net;
using System.Text.Json;
using Cms.Content;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Modules.Contents.Services;
using Modules.NewsCommentary.Models;
using Modules.NewsCommentary.Services;
using Modules.NewsCommentary.ViewModels;
using Site.Tests.Infrastructure;
using Site.Tests.Modules.NewsCommentary;

namespace Site.Tests.Theme;

/// <summary>What a reader finds on a post and on lists: byline, neighbours, related posts, one link per post, the skip link, icons.</summary>
public sealed class PostPageTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static readonly DateTime s_day = new(2031, 3, 10, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Post_ShowsBylineWithAuthorAndTime_AndItsPreviousAndNextPosts()
    {
        await TaggedPosts.PublishAsync(site, "Neighbour Older", s_day.AddHours(1), "Zeta Only");
        var middle = await TaggedPosts.PublishAsync(site, "Neighbour Middle", s_day.AddHours(2), "Zeta Other");
        await TaggedPosts.PublishAsync(site, "Neighbour Newer", s_day.AddHours(3), "Zeta Third");

        var (_, page) = await Html.GetAsync(site.CreateReader(), await PathAsync(middle));

        var byline = page.QuerySelector("p.byline")!;
        Assert.Equal("tester", byline.QuerySelector(".author")!.TextContent.Trim());
        Assert.Equal("2031-03-10T11:00:00Z", byline.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Contains("March 10, 2031 at 11:00 AM", byline.TextContent);
        var nav = page.QuerySelector("nav.post-nav")!;
        Assert.Equal("Neighbour Older", nav.QuerySelector("a[rel=prev]")!.TextContent.Trim());
        Assert.Equal("Neighbour Newer", nav.QuerySelector("a[rel=next]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Post_ListsUpToThreeRelatedPosts_MostSharedTagsFirst_WithoutItself()
    {
        var post = await TaggedPosts.PublishAsync(site, "Related Hub", s_day.AddDays(1), "Ports", "Grain", "Baltic");
        await TaggedPosts.PublishAsync(site, "Shares Three", s_day.AddDays(-5), "Ports", "Grain", "Baltic");
        await TaggedPosts.PublishAsync(site, "Shares Two", s_day.AddDays(-4), "Ports", "Grain");
        await TaggedPosts.PublishAsync(site, "Shares One New", s_day.AddDays(-1), "Baltic");
        await TaggedPosts.PublishAsync(site, "Shares One Old", s_day.AddDays(-9), "Ports");
        await TaggedPosts.PublishAsync(site, "Shares None", s_day.AddDays(-2), "Unrelated");
        await TaggedPosts.SaveDraftAsync(site, "Draft Shares Three", s_day.AddDays(-3), "Ports", "Grain", "Baltic");

        var (_, page) = await Html.GetAsync(site.CreateReader(), await PathAsync(post));

        var related = page.QuerySelectorAll(".related-list a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["Shares Three", "Shares Two", "Shares One New"], related);
    }

    [Fact]
    public async Task RelatedPosts_TakeTheSameQueries_WhateverTheNumberOfPostsSharingTheTags()
    {
        var first = await TaggedPosts.PublishAsync(site, "Counting One", s_day.AddDays(20), "Counted", "Also Counted");
        await TaggedPosts.PublishAsync(site, "Counting Company", s_day.AddDays(19), "Counted");
        var reader = await MemberAsync("counter1");
        var before = await QueriesAsync(reader, await PathAsync(first));

        for (var i = 0; i < 60; i++)
        {
            await TaggedPosts.PublishAsync(site, $"Counting More {i}", s_day.AddDays(18).AddMinutes(-i), "Counted", "Also Counted");
        }

        var after = await QueriesAsync(reader, await PathAsync(first));
        Assert.Equal(before, after);
        var (_, page) = await Html.GetAsync(reader, await PathAsync(first));
        Assert.Equal(3, page.QuerySelectorAll(".related-list a").Length);
    }

    [Fact]
    public async Task PreviousNextAndRelatedPosts_AreReadInOneQuery()
    {
        await TaggedPosts.PublishAsync(site, "Single Before", s_day.AddDays(40), "Single Query");
        var post = await TaggedPosts.PublishAsync(site, "Single Middle", s_day.AddDays(41), "Single Query", "Single Other");
        await TaggedPosts.PublishAsync(site, "Single After", s_day.AddDays(42), "Single Other");

        Task<(int, PostNavigationViewModel?)> NavigationAsync() => site.InScopeAsync(async sp =>
        {
            var item = (await sp.GetRequiredService<IContentManager>().GetAsync(post))!;
            var query = sp.GetRequiredService<PostNavigationQuery>();
            // The counter counts what runs for a request, as the post page's does.
            new HttpContextAccessor().HttpContext = new DefaultHttpContext { RequestServices = sp };
            site.Queries.Reset();
            var found = await query.ForAsync(item);
            return (site.Queries.Count, found);
        });

        var (queries, navigation) = await NavigationAsync();
        Assert.Equal(QueryCounter.VersionRead + 1, queries); // the public-pages signal's version, then the navigation in one query
        Assert.Equal(("Single Before", "Single After"), (navigation!.Previous!.Title, navigation.Next!.Title));
        Assert.Equal(["Single After", "Single Before"], navigation.Related.Select(r => r.Title));

        // Kept until public content changes: the next request reads the version alone.
        var (again, kept) = await NavigationAsync();
        Assert.Equal(QueryCounter.VersionRead, again);
        Assert.Equal(navigation, kept);
    }

    [Fact]
    public async Task Lists_LinkEachPostOnce_ByItsTitle()
    {
        var id = await site.InScopeAsync(async sp =>
        {
            var contentManager = sp.GetRequiredService<IContentManager>();
            var item = TestPosts.New(contentManager, "Long Excerpt Post", s_day.AddDays(400));
            item.Alter<QuotePart>(p => p.Text = "First paragraph of a long quote.\n\nSecond paragraph that lists leave out.");
            return (await contentManager.PublishAsync(item)).ContentItemId;
        });
        var path = await PathAsync(id);

        var (_, home) = await Html.GetAsync(site.CreateReader(), "/");

        var article = home.QuerySelectorAll("article.post-summary").Single(a => a.QuerySelector(".title")!.TextContent.Contains("Long Excerpt Post"));
        var toPost = article.QuerySelectorAll("a").Where(a => a.GetAttribute("href") == path).ToList();
        Assert.Single(toPost);
        Assert.Equal("Long Excerpt Post", toPost[0].TextContent.Trim());
        Assert.Contains("[…]", article.QuerySelector(".quote-more")!.TextContent);
        Assert.DoesNotContain("Permalink", article.TextContent);
    }

    [Fact]
    public async Task LongQuote_StartsWithSkipToTheAnalysis_AShortOneDoesNot()
    {
        var longId = await site.InScopeAsync(async sp =>
        {
            var contentManager = sp.GetRequiredService<IContentManager>();
            var item = TestPosts.New(contentManager, "A Long Quote", s_day.AddDays(30));
            item.Alter<QuotePart>(p => p.Text = string.Join("\n\n", Enumerable.Range(0, 20).Select(i => $"Paragraph {i} of the article says nine words here.")));
            return (await contentManager.PublishAsync(item)).ContentItemId;
        });
        var shortId = await TaggedPosts.PublishAsync(site, "A Short Quote", s_day.AddDays(31), "Short");

        var (_, longPage) = await Html.GetAsync(site.CreateReader(), await PathAsync(longId));
        var (_, shortPage) = await Html.GetAsync(site.CreateReader(), await PathAsync(shortId));

        var skip = longPage.QuerySelector("a[href='#analysis']")!;
        Assert.Equal("Skip to the analysis", skip.TextContent.Trim());
        Assert.True(skip.CompareDocumentPosition(longPage.QuerySelector("blockquote.quote")!).HasFlag(AngleSharp.Dom.DocumentPositions.Following));
        Assert.NotNull(longPage.QuerySelector("section#analysis"));
        Assert.Null(shortPage.QuerySelector("a[href='#analysis']"));
    }

    [Fact]
    public async Task EveryPage_HasAFaviconAndAManifest_NamedAfterTheSite()
    {
        var reader = site.CreateReader();
        var (_, home) = await Html.GetAsync(reader, "/");

        var icon = home.QuerySelector("link[rel=icon][type='image/svg+xml']")!.GetAttribute("href")!;
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(icon)).StatusCode);
        var manifestUrl = home.QuerySelector("link[rel=manifest]")!.GetAttribute("href")!;
        var response = await reader.GetAsync(manifestUrl);
        Assert.Equal("application/manifest+json", response.Content.Headers.ContentType!.MediaType);
        using var manifest = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("News Commentary", manifest.RootElement.GetProperty("name").GetString());
        Assert.Equal("/", manifest.RootElement.GetProperty("start_url").GetString());
        foreach (var entry in manifest.RootElement.GetProperty("icons").EnumerateArray())
        {
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(entry.GetProperty("src").GetString())).StatusCode);
        }
    }

    [Fact]
    public async Task Header_HoldsTitleNavigationAndSearch_AndTheSearchPageHasOneSearchForm()
    {
        var reader = site.CreateReader();
        var (_, home) = await Html.GetAsync(reader, "/");
        var (_, search) = await Html.GetAsync(reader, "/search?q=sochi");

        var header = home.QuerySelector("header.site-header")!;
        Assert.NotNull(header.QuerySelector(".site-title a[href='/']"));
        Assert.NotNull(header.QuerySelector("nav.site-nav"));
        Assert.NotNull(header.QuerySelector("form[role=search] input[type=search]"));
        Assert.Single(search.QuerySelectorAll("form[role=search]"));
        Assert.Single(search.QuerySelectorAll("input[type=search]"));
    }

    private Task<string> PathAsync(string id) => site.InScopeAsync(async sp =>
        sp.GetRequiredService<IAutorouteEntries>().PathOf((await sp.GetRequiredService<IContentManager>().GetAsync(id))!)!);

    private async Task<HttpClient> MemberAsync(string name)
    {
        await Accounts.EnsureUserAsync(site, name, "Member");
        return await Accounts.SignedInClientAsync(site, name);
    }

    /// <summary>The queries one warm request takes: the least of three (another test's write may evict a cached document).</summary>
    private async Task<int> QueriesAsync(HttpClient client, string url)
    {
        // After a change every kept value is dropped for, the page must count queries: else the counter is not seeing the site.
        await site.InScopeAsync(sp => sp.GetRequiredService<Cms.Display.IPublicCache>().EvictAllAsync());
        site.Queries.Reset();
        await client.GetStringAsync(url);
        Assert.True(site.Queries.Count > 0, $"{url} was built after a change without counting a query");
        var least = int.MaxValue;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            site.Queries.Reset();
            await client.GetStringAsync(url);
            least = Math.Min(least, site.Queries.Count);
        }

        return least;
    }
}
