using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.NewsCommentary;

/// <summary>A site with two posts tagged "Gas Pipelines" (spelt two ways), one with another tag and a draft.</summary>
public sealed class TagFeedSite : SiteFactory, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await TaggedPosts.PublishAsync(this, "Pipeline Older", new DateTime(2024, 8, 1, 9, 0, 0, DateTimeKind.Utc), "gas pipelines", "Germany");
        await TaggedPosts.PublishAsync(this, "Pipeline Newer", new DateTime(2024, 8, 2, 9, 0, 0, DateTimeKind.Utc), "Gas Pipelines");
        await TaggedPosts.PublishAsync(this, "Other Topic", new DateTime(2024, 8, 3, 9, 0, 0, DateTimeKind.Utc), "Germany");
        await TaggedPosts.SaveDraftAsync(this, "Pipeline Draft", new DateTime(2024, 8, 4, 9, 0, 0, DateTimeKind.Utc), "Gas Pipelines");
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

/// <summary>Each tag's RSS and Atom feeds: valid by the same rules as the site's, and only that tag's posts.</summary>
public sealed class TagFeedTests(TagFeedSite site) : IClassFixture<TagFeedSite>
{
    [Fact]
    public async Task TagRss_IsValidRss20_WithOnlyTheTagsPosts_TheirQuoteSourceAndCategories()
    {
        var response = await site.CreateReader().GetAsync("/tags/gas-pipelines/rss.xml");

        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType!.MediaType);
        var channel = FeedRules.AssertRss20(await response.Content.ReadAsStringAsync());
        Assert.Contains("Gas Pipelines", channel.Element("title")!.Value);
        Assert.Equal("http://localhost/tags/gas-pipelines", channel.Element("link")!.Value);
        Assert.Equal("http://localhost/tags/gas-pipelines/rss.xml", (string?)channel.Element(FeedRules.Atom + "link")!.Attribute("href"));
        var items = channel.Elements("item").ToList();
        Assert.Equal(["Pipeline Newer", "Pipeline Older"], items.Select(i => i.Element("title")!.Value));
        foreach (var item in items)
        {
            var description = item.Element("description")!.Value;
            Assert.Contains("<blockquote>", description);
            Assert.Contains("The quoted passage of Pipeline", description);
            Assert.Contains("Source: <a href=\"https://news.example.org/", description);
        }

        Assert.Equal(["gas pipelines", "Germany"], items[1].Elements("category").Select(c => c.Value));
    }

    [Fact]
    public async Task TagAtom_IsValidAtom_WithOnlyTheTagsPosts_TheirQuoteSourceAndCategories()
    {
        var atom = FeedRules.Atom;
        var response = await site.CreateReader().GetAsync("/tags/gas-pipelines/atom.xml");

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var feed = FeedRules.AssertAtom(await response.Content.ReadAsStringAsync());
        Assert.Contains("Gas Pipelines", feed.Element(atom + "title")!.Value);
        Assert.Equal("http://localhost/tags/gas-pipelines", feed.Element(atom + "id")!.Value);
        Assert.Contains(feed.Elements(atom + "link"), l => (string?)l.Attribute("rel") == "self" && (string?)l.Attribute("href") == "http://localhost/tags/gas-pipelines/atom.xml");
        var entries = feed.Elements(atom + "entry").ToList();
        Assert.Equal(["Pipeline Newer", "Pipeline Older"], entries.Select(e => e.Element(atom + "title")!.Value));
        Assert.All(entries, e => Assert.Contains("Source: <a href=\"https://news.example.org/", e.Element(atom + "content")!.Value));
        Assert.All(entries, e => Assert.Contains("<blockquote>", e.Element(atom + "content")!.Value));
        var older = entries[1].Elements(atom + "category").Select(c => ((string?)c.Attribute("term"), (string?)c.Attribute("label"))).ToList();
        Assert.Equal([("gas-pipelines", "gas pipelines"), ("germany", "Germany")], older);
    }
}
