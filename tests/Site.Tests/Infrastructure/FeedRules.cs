using System.Globalization;
using System.Xml.Linq;

namespace Site.Tests.Infrastructure;

/// <summary>
/// The rules a feed must keep to be valid, checked the same way for the site's feeds and each tag's:
/// RSS 2.0's required channel and item elements, RFC 4287's required feed and entry elements.
/// </summary>
public static class FeedRules
{
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    /// <summary>Checks the RSS 2.0 rules and returns the channel.</summary>
    public static XElement AssertRss20(string xml)
    {
        var rss = XDocument.Parse(xml).Root!;
        Assert.Equal("rss", rss.Name.LocalName);
        Assert.Equal("2.0", (string?)rss.Attribute("version"));
        var channel = rss.Element("channel")!;
        foreach (var required in new[] { "title", "link", "description" })
        {
            Assert.False(string.IsNullOrWhiteSpace(channel.Element(required)?.Value), $"channel/{required} is required");
        }

        Assert.True(Uri.IsWellFormedUriString(channel.Element("link")!.Value, UriKind.Absolute));
        foreach (var item in channel.Elements("item"))
        {
            Assert.True(item.Element("title") is not null || item.Element("description") is not null);
            Assert.True(Uri.IsWellFormedUriString(item.Element("link")!.Value, UriKind.Absolute));
            Assert.True(DateTimeOffset.TryParse(item.Element("pubDate")!.Value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
            Assert.NotNull(item.Element("guid"));
            Assert.All(item.Elements("category"), c => Assert.False(string.IsNullOrWhiteSpace(c.Value), "a category has text"));
        }

        return channel;
    }

    /// <summary>Checks the Atom (RFC 4287) rules and returns the feed element.</summary>
    public static XElement AssertAtom(string xml)
    {
        var feed = XDocument.Parse(xml).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        foreach (var required in new[] { "id", "title", "updated" })
        {
            Assert.False(string.IsNullOrWhiteSpace(feed.Element(Atom + required)?.Value), $"feed/{required} is required");
        }

        Assert.Contains(feed.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self");
        foreach (var entry in feed.Elements(Atom + "entry"))
        {
            foreach (var required in new[] { "id", "title", "updated" })
            {
                Assert.False(string.IsNullOrWhiteSpace(entry.Element(Atom + required)?.Value), $"entry/{required} is required");
            }

            Assert.True(DateTimeOffset.TryParse(entry.Element(Atom + "updated")!.Value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
            Assert.NotNull(entry.Element(Atom + "author")?.Element(Atom + "name"));
            Assert.Contains(entry.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "alternate");
            Assert.All(entry.Elements(Atom + "category"), c => Assert.False(string.IsNullOrWhiteSpace((string?)c.Attribute("term")), "a category has a term"));
        }

        return feed;
    }
}
