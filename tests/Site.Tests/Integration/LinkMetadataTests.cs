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

    [Fact]
    public async Task RssFeed_FollowsRss20Rules()
    {
        var rss = XDocument.Parse(await site.CreateReader().GetStringAsync("/rss.xml"));

        var channel = rss.Root!.Element("channel")!;
        foreach (var required in new[] { "title", "link", "description" })
        {
            Assert.False(string.IsNullOrWhiteSpace(channel.Element(required)?.Value), $"channel/{required} is required");
        }

        foreach (var item in channel.Elements("item"))
        {
            Assert.True(item.Element("title") is not null || item.Element("description") is not null);
            Assert.True(Uri.IsWellFormedUriString(item.Element("link")!.Value, UriKind.Absolute));
            Assert.True(DateTimeOffset.TryParse(item.Element("pubDate")!.Value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _));
            Assert.NotNull(item.Element("guid"));
        }

        var seed = channel.Elements("item").Single(i => i.Element("title")!.Value == "Sochi Meeting");
        var description = seed.Element("description")!.Value;
        Assert.Contains("<blockquote>", description);
        Assert.Contains(Source, description);
    }

    [Fact]
    public async Task AtomFeed_FollowsRfc4287Rules()
    {
        var response = await site.CreateReader().GetAsync("/atom.xml");
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(atom + "feed", feed.Name);
        foreach (var required in new[] { "id", "title", "updated" })
        {
            Assert.False(string.IsNullOrWhiteSpace(feed.Element(atom + required)?.Value), $"feed/{required} is required");
        }

        Assert.Contains(feed.Elements(atom + "link"), l => (string?)l.Attribute("rel") == "self");
        foreach (var entry in feed.Elements(atom + "entry"))
        {
            foreach (var required in new[] { "id", "title", "updated" })
            {
                Assert.False(string.IsNullOrWhiteSpace(entry.Element(atom + required)?.Value), $"entry/{required} is required");
            }

            Assert.True(DateTimeOffset.TryParse(entry.Element(atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _));
            Assert.NotNull(entry.Element(atom + "author")?.Element(atom + "name"));
            Assert.Contains(entry.Elements(atom + "link"), l => (string?)l.Attribute("rel") == "alternate");
        }

        var seed = feed.Elements(atom + "entry").Single(e => e.Element(atom + "title")!.Value == "Sochi Meeting");
        Assert.Equal("html", (string?)seed.Element(atom + "content")!.Attribute("type"));
        Assert.Contains(Source, seed.Element(atom + "content")!.Value);
        Assert.Contains("Putin, Lukashenko To Talk", seed.Element(atom + "content")!.Value);
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
