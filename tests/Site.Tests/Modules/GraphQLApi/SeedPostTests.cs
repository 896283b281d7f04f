using System.Net;
using System.Text.RegularExpressions;
using Cms.Content;
using Microsoft.Extensions.DependencyInjection;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.GraphQLApi;

/// <summary>Issue 15 point 7: the seed post read through its page, its stored JSON, REST (/api/content) and GraphQL gives the same quote, analysis and source.</summary>
public sealed partial class SeedPostTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private const string SeedId = "4sochimeeting2020091100001";

    private const string PostFields = """
        contentItemId displayText published
        titlePart { title }
        autoroutePart { path }
        quotePart { headline text attribution }
        analysisPart { markdown }
        sourceLinkPart { url title publication publishedUtc }
        tagsPart { tags }
        forecastPart { forecasts { statement resolveByUtc outcome } }
        """;

    [Fact]
    public async Task SeedPost_ThroughGraphQL_IsTheStoredItem_AndWhatItsPageShows()
    {
        var data = await GraphQLClient.DataAsync(site.CreateReader(), $"{{ contentItem(contentItemId: \"{SeedId}\") {{ ... on NewsCommentary {{ {PostFields} }} }} }}");
        var post = data["contentItem"]!;
        var stored = await site.InScopeAsync(async sp => (await sp.GetRequiredService<IContentManager>().GetAsync(SeedId))!.ToJson());
        var rest = System.Text.Json.Nodes.JsonNode.Parse(await site.CreateReader().GetStringAsync("/api/content/" + SeedId))!;

        Assert.Equal("Sochi Meeting", post["displayText"]!.GetValue<string>());
        foreach (var (part, field, json) in new[]
        {
            ("quotePart", "headline", "Headline"), ("quotePart", "text", "Text"), ("quotePart", "attribution", "Attribution"),
            ("analysisPart", "markdown", "Markdown"),
            ("sourceLinkPart", "url", "Url"), ("sourceLinkPart", "title", "Title"), ("sourceLinkPart", "publication", "Publication"),
        })
        {
            var storedPart = stored[char.ToUpperInvariant(part[0]) + part[1..]]!;
            Assert.Equal(storedPart[json]!.GetValue<string>(), post[part]![field]!.GetValue<string>());
            Assert.Equal(storedPart[json]!.GetValue<string>(), rest[char.ToUpperInvariant(part[0]) + part[1..]]![json]!.GetValue<string>());
        }

        Assert.Equal("2020-09-11T00:00:00Z", post["sourceLinkPart"]!["publishedUtc"]!.GetValue<string>());
        Assert.Equal(["Belarus", "Russia", "Lukashenko", "Putin", "Protests"], post["tagsPart"]!["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("Lukashenko resigns and goes into exile, or Russian troops occupy Belarus", post["forecastPart"]!["forecasts"]![0]!["statement"]!.GetValue<string>());

        var (response, page) = await Html.GetAsync(site.CreateReader(), "/" + post["autoroutePart"]!["path"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"“{post["quotePart"]!["headline"]}”", page.QuerySelector("blockquote.quote .quote-headline")!.TextContent.Trim());
        Assert.Equal($"From {post["quotePart"]!["attribution"]}:", page.QuerySelector("p.attribution")!.TextContent.Trim());
        AssertShowsMarkdown(page.QuerySelector("blockquote.quote")!.TextContent, post["quotePart"]!["text"]!.GetValue<string>());
        AssertShowsMarkdown(page.QuerySelector("section.analysis")!.TextContent, post["analysisPart"]!["markdown"]!.GetValue<string>());
        var source = page.QuerySelector("p.source a")!;
        Assert.Equal(post["sourceLinkPart"]!["url"]!.GetValue<string>(), source.GetAttribute("data-print-url"));
        Assert.Equal(post["sourceLinkPart"]!["title"]!.GetValue<string>(), source.TextContent.Trim());
        Assert.Equal(post["sourceLinkPart"]!["publication"]!.GetValue<string>(), page.QuerySelector("p.source .publication")!.TextContent.Trim());
    }

    [Fact]
    public async Task SeedPost_IsInTheList_ByGetAndByPost()
    {
        const string query = "{ newsCommentary(where: { tag: \"Belarus\" }) { contentItemId displayText quotePart { attribution } } }";
        var (postStatus, posted) = await GraphQLClient.PostAsync(site.CreateReader(), query);
        var (getStatus, got) = await GraphQLClient.GetAsync(site.CreateReader(), query);

        Assert.True(postStatus == HttpStatusCode.OK, posted.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, getStatus);
        Assert.Equal(posted.ToJsonString(), got.ToJsonString());
        var seed = Assert.Single(posted["data"]!["newsCommentary"]!.AsArray(), i => i!["contentItemId"]!.GetValue<string>() == SeedId);
        Assert.Equal("The Moscow Times", seed!["quotePart"]!["attribution"]!.GetValue<string>());
    }

    /// <summary>Every paragraph of the Markdown (its "##" subheads as plain text) is on the page, with the same words.</summary>
    private static void AssertShowsMarkdown(string shown, string markdown)
    {
        var text = Flat(shown);
        foreach (var paragraph in markdown.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.Contains(Flat(paragraph.TrimStart('#', ' ')), text, StringComparison.Ordinal);
        }
    }

    private static string Flat(string text) => Spaces().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
