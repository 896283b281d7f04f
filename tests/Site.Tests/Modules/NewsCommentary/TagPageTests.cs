using System.Net;
using Cms.Content;
using Cms.Settings;
using Microsoft.Extensions.DependencyInjection;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.NewsCommentary;

/// <summary>What a reader finds through tags: the tag list, a tag's pages of posts, and addresses that are not tags.</summary>
public sealed class TagPageTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task TagPage_ListsOnlyPublishedPostsWithTheTag_NewestFirst_InPages()
    {
        await site.InScopeAsync(sp => sp.GetRequiredService<ISiteService>().UpdateAsync(s => s.PageSize = 2));
        await TaggedPosts.PublishAsync(site, "Grain Deal One", new DateTime(2024, 4, 1, 9, 0, 0, DateTimeKind.Utc), "Grain Deal");
        await TaggedPosts.PublishAsync(site, "Grain Deal Two", new DateTime(2024, 4, 2, 9, 0, 0, DateTimeKind.Utc), "Odesa", "grain deal");
        await TaggedPosts.PublishAsync(site, "Grain Deal Three", new DateTime(2024, 4, 3, 9, 0, 0, DateTimeKind.Utc), "Grain Deal");
        await TaggedPosts.SaveDraftAsync(site, "Grain Deal Draft", new DateTime(2024, 4, 4, 9, 0, 0, DateTimeKind.Utc), "Grain Deal");
        await TaggedPosts.PublishAsync(site, "Untagged Grain", new DateTime(2024, 4, 5, 9, 0, 0, DateTimeKind.Utc), "Odesa");
        var reader = site.CreateReader();

        var (response, first) = await Html.GetAsync(reader, "/tags/grain-deal");
        var (_, second) = await Html.GetAsync(reader, "/tags/grain-deal?page=2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Tagged “Grain Deal”", first.QuerySelector("h1.page-title")!.TextContent.Trim());
        Assert.Equal(["Grain Deal Three", "Grain Deal Two"], TaggedPosts.Titles(first));
        Assert.Equal("/tags/grain-deal?page=2", first.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Equal(["Grain Deal One"], TaggedPosts.Titles(second));
        Assert.Equal("/tags/grain-deal", second.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Null(second.QuerySelector("a[rel=next]"));
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/tags/grain-deal?page=3")).StatusCode);
        var (badPage, badPageDocument) = await Html.GetAsync(reader, "/tags/grain-deal?page=two");
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
        Assert.Contains("'two' is not a page number", badPageDocument.Body!.TextContent);
    }

    [Fact]
    public async Task TagPage_LinksItsFeeds_AndPostsLinkTheirTags()
    {
        await TaggedPosts.PublishAsync(site, "Feed Links", new DateTime(2024, 5, 1, 9, 0, 0, DateTimeKind.Utc), "Arctic Shipping", "Norway");

        var (_, page) = await Html.GetAsync(site.CreateReader(), "/tags/arctic-shipping");

        var rss = page.QuerySelector("head link[rel=alternate][href='/tags/arctic-shipping/rss.xml']")!;
        Assert.Equal("application/rss+xml", rss.GetAttribute("type"));
        Assert.Contains("Arctic Shipping", rss.GetAttribute("title"));
        Assert.Equal("application/atom+xml", page.QuerySelector("head link[rel=alternate][href='/tags/arctic-shipping/atom.xml']")!.GetAttribute("type"));
        var tags = page.QuerySelectorAll("article.post-summary a[rel=tag]").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList();
        Assert.Equal([("Arctic Shipping", "/tags/arctic-shipping"), ("Norway", "/tags/norway")], tags);
    }

    [Fact]
    public async Task UnpublishAndDelete_DropAPostFromItsTagPage()
    {
        var kept = await TaggedPosts.PublishAsync(site, "Kept Sanctions", new DateTime(2024, 6, 1, 9, 0, 0, DateTimeKind.Utc), "Sanctions Relief");
        var unpublished = await TaggedPosts.PublishAsync(site, "Unpublished Sanctions", new DateTime(2024, 6, 2, 9, 0, 0, DateTimeKind.Utc), "Sanctions Relief");
        var deleted = await TaggedPosts.PublishAsync(site, "Deleted Sanctions", new DateTime(2024, 6, 3, 9, 0, 0, DateTimeKind.Utc), "Sanctions Relief");
        var reader = site.CreateReader();
        Assert.Equal(3, TaggedPosts.Titles((await Html.GetAsync(reader, "/tags/sanctions-relief")).Document).Count);

        await site.InScopeAsync(async sp =>
        {
            var contentManager = sp.GetRequiredService<IContentManager>();
            await contentManager.UnpublishAsync(unpublished);
            await contentManager.RemoveAsync(deleted);
        });

        var (_, page) = await Html.GetAsync(reader, "/tags/sanctions-relief");
        Assert.Equal(["Kept Sanctions"], TaggedPosts.Titles(page));
        Assert.DoesNotContain("Deleted Sanctions", await reader.GetStringAsync("/tags/sanctions-relief/rss.xml"));

        await site.InScopeAsync(sp => sp.GetRequiredService<IContentManager>().UnpublishAsync(kept));
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/tags/sanctions-relief")).StatusCode);
    }

    [Fact]
    public async Task TagIndex_ListsEveryTagInUse_WithItsCount()
    {
        await TaggedPosts.PublishAsync(site, "Count One", new DateTime(2024, 7, 1, 9, 0, 0, DateTimeKind.Utc), "counted tag", "Single Tag");
        await TaggedPosts.PublishAsync(site, "Count Two", new DateTime(2024, 7, 2, 9, 0, 0, DateTimeKind.Utc), "Counted Tag");
        await TaggedPosts.SaveDraftAsync(site, "Count Draft", new DateTime(2024, 7, 3, 9, 0, 0, DateTimeKind.Utc), "Counted Tag", "Draft Only Tag");

        var (response, page) = await Html.GetAsync(site.CreateReader(), "/tags");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string Entry(string slug) => page.QuerySelector($".tag-index a[href='/tags/{slug}']")?.ParentElement!.TextContent.Trim() ?? "(missing)";
        // The newest post's spelling names the tag.
        Assert.Equal("Counted Tag (2 posts)", Entry("counted-tag"));
        Assert.Equal("Single Tag (1 post)", Entry("single-tag"));
        Assert.Equal("Belarus (1 post)", Entry("belarus"));
        Assert.Equal("(missing)", Entry("draft-only-tag"));
    }

    [Fact]
    public async Task PostPage_HasArticleTagMetaAndJsonLdKeywords()
    {
        var (_, page) = await Html.GetAsync(site.CreateReader(), "/2020/09/11/sochi-meeting");

        var metaTags = page.QuerySelectorAll("meta[property='article:tag']").Select(m => m.GetAttribute("content")).ToList();
        Assert.Equal(["Belarus", "Russia", "Lukashenko", "Putin", "Protests"], metaTags);
        using var json = System.Text.Json.JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Equal(metaTags, json.RootElement.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()).ToList());
        Assert.Contains(page.QuerySelectorAll("article.post-detail a[rel=tag]"), a => a.GetAttribute("href") == "/tags/belarus");
    }

    [Fact]
    public async Task Sitemap_ListsTheTagIndexAndEachTagPage()
    {
        await TaggedPosts.PublishAsync(site, "Mapped", new DateTime(2024, 9, 1, 9, 0, 0, DateTimeKind.Utc), "Mapped Tag");
        System.Xml.Linq.XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

        var sitemap = System.Xml.Linq.XDocument.Parse(await site.CreateReader().GetStringAsync("/sitemap.xml"));

        var urls = sitemap.Root!.Elements(ns + "url").ToDictionary(u => u.Element(ns + "loc")!.Value, u => u.Element(ns + "lastmod")?.Value);
        Assert.Contains("http://localhost/tags", urls.Keys);
        Assert.Equal("2024-09-01", urls["http://localhost/tags/mapped-tag"]);
        Assert.Equal("2020-09-11", urls["http://localhost/tags/belarus"]);
    }

    [Theory]
    [InlineData("/tags/no-such-tag")]
    [InlineData("/tags/%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    [InlineData("/tags/Belarus")]
    [InlineData("/tags/no-such-tag/rss.xml")]
    [InlineData("/tags/%3Cscript%3E/atom.xml")]
    public async Task UnknownOrHostileTag_IsTheThemedNotFoundPage(string url)
    {
        var (response, page) = await Html.GetAsync(site.CreateReader(), url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotNull(page.QuerySelector("header.site-header"));
        Assert.DoesNotContain("<script>", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task VeryLongTagAddress_IsTheNotFoundPage()
    {
        var response = await site.CreateReader().GetAsync("/tags/" + new string('a', 5000) + "?page=1");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
