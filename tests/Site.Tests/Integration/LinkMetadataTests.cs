using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Site.Tests.Infrastructure;

namespace Site.Tests.Integration;

/// <summary>What search engines, feed readers and link previews read from the site.</summary>
public sealed class LinkMetadataTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private const string SeedPath = "/2020/09/11/sochi-meeting";
    private const string Source = "https://www.themoscowtimes.com/2020/09/11/putin-lukashenko-to-talk-integration-amid-belarus-protests-a71419";

    [Fact]
    public async Task PostPage_HasCanonicalOpenGraphTwitterAndJsonLd()
    {
        var (_, page) = await Html.GetAsync(site.CreateReader(), SeedPath);
        string Meta(string selector) => page.QuerySelector(selector)!.GetAttribute("content")!;

        Assert.Equal("http://localhost" + SeedPath, page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("article", Meta("meta[property='og:type']"));
        Assert.Equal("Sochi Meeting", Meta("meta[property='og:title']"));
        Assert.StartsWith("This will either mean", Meta("meta[property='og:description']"));
        Assert.Equal("summary", Meta("meta[name='twitter:card']"));
        Assert.Single(page.QuerySelectorAll("meta[name=description]"));

        using var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        var root = json.RootElement;
        Assert.Equal("OpinionNewsArticle", root.GetProperty("@type").GetString());
        Assert.Equal("Sochi Meeting", root.GetProperty("headline").GetString());
        Assert.Equal("2020-09-11T12:00:00Z", root.GetProperty("datePublished").GetString());
        Assert.Equal(SiteFactory.AdminUserName, root.GetProperty("author").GetProperty("name").GetString());
        var basedOn = root.GetProperty("isBasedOn");
        Assert.Equal("NewsArticle", basedOn.GetProperty("@type").GetString());
        Assert.Equal(Source, basedOn.GetProperty("url").GetString());
        Assert.Equal("Putin, Lukashenko To Talk 'Integration' Amid Belarus Protests", basedOn.GetProperty("headline").GetString());
        Assert.Equal("The Moscow Times", basedOn.GetProperty("publisher").GetProperty("name").GetString());
        Assert.Equal("2020-09-11", basedOn.GetProperty("datePublished").GetString());
        var quotation = root.GetProperty("citation");
        Assert.Equal("Quotation", quotation.GetProperty("@type").GetString());
        Assert.StartsWith("Russian President Vladimir Putin", quotation.GetProperty("text").GetString());
    }

    /// <summary>Scrapers and validators that read the markup as text look for the media type as written, not an HTML-encoded '+'.</summary>
    [Fact]
    public async Task PostPage_WritesTheJsonLdTypeLiterally()
    {
        var html = await site.CreateReader().GetStringAsync(SeedPath);

        Assert.Contains("<script type=\"application/ld+json\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x2B;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RssFeed_FollowsRss20Rules()
    {
        var channel = FeedRules.AssertRss20(await site.CreateReader().GetStringAsync("/rss.xml"));

        var seed = channel.Elements("item").Single(i => i.Element("title")!.Value == "Sochi Meeting");
        var description = seed.Element("description")!.Value;
        Assert.Contains("<blockquote>", description);
        Assert.Contains(Source, description);
        Assert.Contains(seed.Elements("category"), c => c.Value == "Belarus");
    }

    [Fact]
    public async Task AtomFeed_FollowsRfc4287Rules()
    {
        var response = await site.CreateReader().GetAsync("/atom.xml");
        var atom = FeedRules.Atom;

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var feed = FeedRules.AssertAtom(await response.Content.ReadAsStringAsync());

        var seed = feed.Elements(atom + "entry").Single(e => e.Element(atom + "title")!.Value == "Sochi Meeting");
        Assert.Equal("html", (string?)seed.Element(atom + "content")!.Attribute("type"));
        Assert.Contains(Source, seed.Element(atom + "content")!.Value);
        Assert.Contains("Putin, Lukashenko To Talk", seed.Element(atom + "content")!.Value);
        Assert.Contains(seed.Elements(atom + "category"), c => (string?)c.Attribute("term") == "belarus" && (string?)c.Attribute("label") == "Belarus");
    }

    [Fact]
    public async Task SitemapAndRobots_ListPublishedPosts()
    {
        var reader = site.CreateReader();
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

        var sitemap = XDocument.Parse(await reader.GetStringAsync("/sitemap.xml"));
        var robots = await reader.GetStringAsync("/robots.txt");

        Assert.Contains(sitemap.Root!.Elements(ns + "url"), u => u.Element(ns + "loc")!.Value == "http://localhost" + SeedPath);
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", robots);
        Assert.Contains("Disallow: /admin", robots);
    }
}
