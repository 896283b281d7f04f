using System.Net;
using Cms.Content;
using Microsoft.Extensions.DependencyInjection;
using Modules.NewsCommentary.Models;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.GraphQLApi;

/// <summary>Issue 15 point 7: list queries page with first/skip, filter by tag and dates, and cost the same whatever the number of posts.</summary>
public sealed class ListQueryTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task FirstAndSkip_PageNewestFirst_WithinAPublishedRange()
    {
        await PublishAsync(2031, ["Paging"], "P1", "P2", "P3", "P4", "P5");
        const string range = "where: { publishedAfter: \"2031-01-01T00:00:00Z\", publishedBefore: \"2032-01-01T00:00:00Z\" }";

        var all = await GraphQLClient.DataAsync(site.CreateReader(), $"{{ newsCommentary({range}) {{ displayText publishedUtc }} }}");
        var page = await GraphQLClient.DataAsync(site.CreateReader(), $"{{ newsCommentary(first: 2, skip: 1, {range}) {{ displayText }} }}");
        var past = await GraphQLClient.DataAsync(site.CreateReader(), $"{{ newsCommentary(first: 2, skip: 5, {range}) {{ displayText }} }}");

        Assert.Equal(["P5", "P4", "P3", "P2", "P1"], GraphQLClient.Titles(all["newsCommentary"]));
        Assert.Equal("2031-01-05T09:00:00Z", all["newsCommentary"]![0]!["publishedUtc"]!.GetValue<string>());
        Assert.Equal(["P4", "P3"], GraphQLClient.Titles(page["newsCommentary"]));
        Assert.Empty(past["newsCommentary"]!.AsArray());
    }

    [Fact]
    public async Task WhereTag_ByNameOrSlug_AndDates_KeepOnlyMatchingPosts()
    {
        var before = DateTime.UtcNow.AddSeconds(-1);
        await PublishAsync(2033, ["Tag Filter A", "Shared"], "A1", "A2");
        await PublishAsync(2034, ["Tag Filter B", "Shared"], "B1");

        var byName = await GraphQLClient.DataAsync(site.CreateReader(), "{ newsCommentary(where: { tag: \"Tag Filter A\" }) { displayText } }");
        var bySlug = await GraphQLClient.DataAsync(site.CreateReader(), "{ newsCommentary(where: { tag: \"tag-filter-b\" }) { displayText } }");
        var tagAndDate = await GraphQLClient.DataAsync(site.CreateReader(),
            "{ newsCommentary(where: { tag: \"shared\", publishedAfter: \"2034-01-01T00:00:00Z\" }) { displayText } }");
        var createdSince = await GraphQLClient.DataAsync(site.CreateReader(),
            "query($since: DateTime) { newsCommentary(where: { tag: \"shared\", createdAfter: $since }) { displayText } }", new { since = before });
        var createdBefore = await GraphQLClient.DataAsync(site.CreateReader(),
            "query($since: DateTime) { newsCommentary(where: { tag: \"shared\", createdBefore: $since }) { displayText } }", new { since = before });
        var none = await GraphQLClient.DataAsync(site.CreateReader(), "{ newsCommentary(where: { tag: \"no-such-tag\" }) { displayText } }");

        Assert.Equal(["A2", "A1"], GraphQLClient.Titles(byName["newsCommentary"]));
        Assert.Equal(["B1"], GraphQLClient.Titles(bySlug["newsCommentary"]));
        Assert.Equal(["B1"], GraphQLClient.Titles(tagAndDate["newsCommentary"]));
        Assert.Equal(["B1", "A2", "A1"], GraphQLClient.Titles(createdSince["newsCommentary"]));
        Assert.Empty(createdBefore["newsCommentary"]!.AsArray());
        Assert.Empty(none["newsCommentary"]!.AsArray());
    }

    [Fact]
    public async Task AList_CostsTheSameQueries_ForFivePostsOrThirty()
    {
        await PublishAsync(2036, ["Flat Cost"], "C1", "C2", "C3", "C4", "C5");
        var few = await QueriesAsync();
        await PublishAsync(2037, ["Flat Cost"], Enumerable.Range(1, 25).Select(i => $"D{i}").ToArray());
        var many = await QueriesAsync();

        Assert.Equal(few, many);
        Assert.True(few <= 2, $"{few} queries"); // the page's rows and items in one; the role permissions at most once
    }

    private async Task<int> QueriesAsync()
    {
        const string query = """
            { newsCommentary(first: 30, where: { tag: "flat-cost", publishedAfter: "2036-01-01T00:00:00Z" }) {
                displayText titlePart { title } quotePart { headline text attribution } analysisPart { markdown }
                sourceLinkPart { url title publication } tagsPart { tags } forecastPart { forecasts { statement } } } }
            """;
        var reader = site.CreateReader();
        await GraphQLClient.DataAsync(reader, query); // warm: settings, definitions, schema
        site.Queries.Reset();
        await GraphQLClient.DataAsync(reader, query);
        return site.Queries.Count;
    }

    private Task PublishAsync(int year, string[] tags, params string[] titles) => site.InScopeAsync(async sp =>
    {
        var contents = sp.GetRequiredService<IContentManager>();
        for (var i = 0; i < titles.Length; i++)
        {
            var item = TestPosts.New(contents, titles[i], new DateTime(year, 1, i + 1, 9, 0, 0, DateTimeKind.Utc));
            item.Alter<TagsPart>(p => p.Tags = tags);
            await contents.PublishAsync(item);
        }
    });
}
