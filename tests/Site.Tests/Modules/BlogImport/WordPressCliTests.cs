using System.Text.Json.Nodes;
using Site.Tests.Deployers;

namespace Site.Tests.Modules.BlogImport;

/// <summary><c>import wordpress FILE</c>: a WXR 1.2 file with Gutenberg quote and pullquote blocks, categories, tags, threads and permalinks.</summary>
public sealed class WordPressCliTests(SetUpCliSite fixture) : IClassFixture<SetUpCliSite>
{
    private CliSite Site => fixture.Site;

    [Fact]
    public async Task Wxr_IsImported_QuoteBlocksFeedTheCommentaryRules_AndPermalinksRedirect()
    {
        var run = await Site.RunAsync("import", "wordpress", ImportFixtures.Path(ImportFixtures.WordPress));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("comments imported: 2", run.Out, StringComparison.Ordinal);
        Assert.Contains("'About': a WordPress page, not a post: pages are not imported.", run.Out, StringComparison.Ordinal);
        Assert.Contains("'Ferry Notes': imported as a plain blog post", run.Out, StringComparison.Ordinal);

        var export = JsonNode.Parse((await Site.RunAsync("export")).Out)!.AsObject();
        var steps = export["steps"]!.AsArray().Select(s => s!.AsObject()).ToList();
        var items = steps.Single(s => (string?)s["name"] == "content")["Data"]!.AsArray().Select(i => i!.AsObject()).ToList();

        // wp:quote with its cite and no "From" line: the cite is the attribution, the heading the headline.
        var harbour = items.Single(i => (string?)i["DisplayText"] == "Harbour Talks");
        Assert.Equal("NewsCommentary", (string?)harbour["ContentType"]);
        Assert.Equal("The Gazette", (string?)harbour["QuotePart"]!["Attribution"]);
        Assert.Equal("Two Ports Agree To Share Their Cranes", (string?)harbour["QuotePart"]!["Headline"]);
        Assert.Equal("The harbour boards said on Monday they would share cranes over the winter.", (string?)harbour["QuotePart"]!["Text"]);
        Assert.Equal("Sharing cranes is the first step; a *timetable* would be the second.", (string?)harbour["AnalysisPart"]!["Markdown"]);
        Assert.Equal("https://gazette.example.org/2020/09/14/ports-share-cranes", (string?)harbour["SourceLinkPart"]!["Url"]);
        Assert.Equal(["Harbours", "Trade"], harbour["TagsPart"]!["Tags"]!.AsArray().Select(t => (string)t!));
        Assert.Equal("2020/09/14/harbour-talks", (string?)harbour["AutoroutePart"]!["Path"]);
        Assert.Equal("Wren Editor", (string?)harbour["Author"]);

        // wp:pullquote after a "From the Courier:" paragraph; its bold first line is the headline.
        var trains = items.Single(i => (string?)i["DisplayText"] == "Night Trains Return");
        Assert.Equal("Courier", (string?)trains["QuotePart"]!["Attribution"]);
        Assert.Equal("Sleeper Service To Run Again From May", (string?)trains["QuotePart"]!["Headline"]);
        Assert.Equal("Good news for anyone who dislikes airports.", (string?)trains["AnalysisPart"]!["Markdown"]);
        Assert.Equal("https://courier.example.net/rail/sleeper-returns", (string?)trains["SourceLinkPart"]!["Url"]);

        var ferry = items.Single(i => (string?)i["DisplayText"] == "Ferry Notes");
        Assert.Equal(("BlogPost", false), ((string?)ferry["ContentType"], (bool?)ferry["Published"]));

        var redirects = steps.Single(s => (string?)s["name"] == "Redirects")["Redirects"]!.AsArray().Select(r => r!.AsObject()).ToList();
        Assert.Contains(redirects, r => (string?)r["From"] == "/2020/09/14/harbour-talks/" && (string?)r["ContentItemId"] == (string?)harbour["ContentItemId"]);
        Assert.Contains(redirects, r => (string?)r["From"] == "/tag/trade/" && (string?)r["To"] == "/tags/trade");
        Assert.Contains(redirects, r => (string?)r["From"] == "/category/harbours/" && (string?)r["To"] == "/tags/harbours");
    }

    [Fact]
    public async Task ABloggerFile_GivenAsWordPress_IsRefused_SayingWhatItIs()
    {
        var before = Site.Fingerprint();

        var run = await Site.RunAsync("import", "wordpress", ImportFixtures.Path(ImportFixtures.Takeout));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("This is an Atom feed (a Blogger export?), not a WordPress one: import it as blogger.", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, Site.Fingerprint());
    }
}
