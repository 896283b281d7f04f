using System.Globalization;
using System.Xml.Linq;

namespace Site.Tests.Infrastructure;

/// <summary>
/// The rules a feed must keep to be valid, checked the same way for the site's feeds and each tag's:
/// RSS 2.0's required channel and item elements with RFC 822 dates and unique guids, RFC 4287's
/// required feed and entry elements with RFC 3339 dates and unique absolute-IRI ids.
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
            AssertRfc822(item.Element("pubDate")!.Value);
            Assert.False(string.IsNullOrWhiteSpace(item.Element("guid")?.Value), "item/guid is given");
            Assert.All(item.Elements("category"), c => Assert.False(string.IsNullOrWhiteSpace(c.Value), "a category has text"));
        }

        var guids = channel.Elements("item").Select(i => i.Element("guid")!.Value).ToList();
        Assert.Equal(guids.Count, guids.Distinct(StringComparer.Ordinal).Count());
        if (channel.Element("lastBuildDate") is { } built)
        {
            AssertRfc822(built.Value);
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

            AssertRfc3339(entry.Element(Atom + "updated")!.Value);
            if (entry.Element(Atom + "published") is { } published)
            {
                AssertRfc3339(published.Value);
            }

            Assert.True(Uri.IsWellFormedUriString(entry.Element(Atom + "id")!.Value, UriKind.Absolute), "entry/id is an absolute IRI");
            Assert.NotNull(entry.Element(Atom + "author")?.Element(Atom + "name"));
            Assert.Contains(entry.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "alternate");
            Assert.All(entry.Elements(Atom + "category"), c => Assert.False(string.IsNullOrWhiteSpace((string?)c.Attribute("term")), "a category has a term"));
        }

        AssertRfc3339(feed.Element(Atom + "updated")!.Value);
        var ids = feed.Elements(Atom + "entry").Select(e => e.Element(Atom + "id")!.Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        return feed;
    }

    /// <summary>RSS 2.0 dates are RFC 822 ("Fri, 11 Sep 2020 09:30:00 GMT", a four-digit year allowed).</summary>
    private static void AssertRfc822(string value) => Assert.True(
        DateTimeOffset.TryParseExact(value, ["r", "ddd, dd MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm:ss zzz"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        $"'{value}' is not an RFC 822 date");

    /// <summary>Atom dates are RFC 3339 date-times with a zone ("2020-09-11T09:30:00Z").</summary>
    private static void AssertRfc3339(string value) => Assert.Matches(
        @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$", value);
}
