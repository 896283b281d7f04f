using System.Text.Json.Nodes;
using Modules.Forecasts.Models;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.Forecasts;

/// <summary>Issue 16, point 5: a resolved forecast is a Claim with its ClaimReview in the post page's own JSON-LD, beside the article.</summary>
public sealed class ForecastPostJsonLdTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task APostWithAResolvedForecast_MarksItsClaimReview_InThePagesGraph()
    {
        var (_, path) = await ForecastPosts.PublishAsync(site,
            ForecastPosts.Resolved("The talks fail <by June>", 60, ForecastOutcome.DidNotHappen),
            ForecastPosts.Open("Still open in the post"),
            ForecastPosts.Resolved("Withdrawn in the post", null, ForecastOutcome.Withdrawn));

        var (_, page) = await Html.GetAsync(site.CreateReader(), path);

        var scripts = page.QuerySelectorAll("script[type='application/ld+json']");
        var json = Assert.Single(scripts).TextContent;
        Assert.DoesNotContain("<by", json, StringComparison.Ordinal); // escaped, cannot close the script
        var graph = JsonNode.Parse(json)!["@graph"]!.AsArray();
        Assert.Equal("https://schema.org", (string?)JsonNode.Parse(json)!["@context"]);
        Assert.Equal(["OpinionNewsArticle", "ClaimReview"], graph.Select(n => (string?)n!["@type"]));
        var article = graph[0]!;
        var review = graph[1]!;
        Assert.Equal("The talks fail <by June>", (string?)review["claimReviewed"]);
        Assert.Equal("Claim", (string?)review["itemReviewed"]!["@type"]);
        Assert.Equal((string?)article["url"], (string?)review["itemReviewed"]!["appearance"]!["url"]);
        Assert.EndsWith(path, (string?)article["url"], StringComparison.Ordinal);
        Assert.Equal("Did not happen", (string?)review["reviewRating"]!["alternateName"]);
        Assert.Equal(1, (int?)review["reviewRating"]!["ratingValue"]);
    }

    [Fact]
    public async Task APostWithoutAResolvedForecast_KeepsItsSingleArticleObject()
    {
        var (_, page) = await Html.GetAsync(site.CreateReader(), ForecastPosts.SeedPath);
        var json = JsonNode.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent)!;
        Assert.Equal("OpinionNewsArticle", (string?)json["@type"]);
        Assert.Null(json["@graph"]);
    }
}
