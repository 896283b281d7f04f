using System.Net;
using Cms.Content;
using Microsoft.Extensions.DependencyInjection;
using Modules.NewsCommentary.Models;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.ContentApi;

/// <summary>Issue 15, point 6: anonymous reads of published content in Orchard's content item JSON, with ETags, caching and paging.</summary>
public sealed class ContentApiReadTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task SeedPost_ReadAnonymously_GivesTheQuoteAnalysisAndSourceOfItsPage_AndItsForecasts()
    {
        var reader = site.CreateReader();
        var response = await reader.GetAsync("/api/content/" + ApiClients.SeedId);
        var (_, page) = await Html.GetAsync(reader, "/2020/09/11/sochi-meeting");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var item = await ApiClients.ReadAsync(response);
        Assert.Equal(
            ["ContentItemId", "ContentItemVersionId", "ContentType", "DisplayText", "Latest", "Published", "ModifiedUtc", "PublishedUtc", "CreatedUtc", "Owner", "Author"],
            item.Select(p => p.Key).Take(11));
        Assert.Equal(("NewsCommentary", "Sochi Meeting", true), ((string)item["ContentType"]!, (string)item["DisplayText"]!, (bool)item["Published"]!));
        var text = page.Body!.TextContent;
        Assert.Contains((string)item["QuotePart"]!["Headline"]!, text, StringComparison.Ordinal);
        Assert.Contains("Russian President Vladimir Putin and Belarus strongman Alexander Lukashenko", (string)item["QuotePart"]!["Text"]!, StringComparison.Ordinal);
        Assert.Contains("Russian President Vladimir Putin and Belarus strongman Alexander Lukashenko", text, StringComparison.Ordinal);
        Assert.Contains((string)item["AnalysisPart"]!["Markdown"]!, text, StringComparison.Ordinal);
        var sourceUrl = (string)item["SourceLinkPart"]!["Url"]!;
        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == sourceUrl || a.GetAttribute("data-print-url") == sourceUrl);
        Assert.Equal("Lukashenko resigns and goes into exile, or Russian troops occupy Belarus", (string)item["ForecastPart"]!["Forecasts"]![0]!["Statement"]!);
        Assert.Equal("public, max-age=60", response.Headers.CacheControl!.ToString());
        Assert.False(response.Headers.ETag!.IsWeak);
    }

    [Fact]
    public async Task IfNoneMatch_WithTheETag_Is304_AndAnotherETagGetsTheItem()
    {
        var reader = site.CreateReader();
        var first = await reader.GetAsync("/api/content/" + ApiClients.SeedId);
        var etag = first.Headers.ETag!.Tag;

        var same = new HttpRequestMessage(HttpMethod.Get, "/api/content/" + ApiClients.SeedId);
        same.Headers.TryAddWithoutValidation("If-None-Match", etag);
        var other = new HttpRequestMessage(HttpMethod.Get, "/api/content/" + ApiClients.SeedId);
        other.Headers.TryAddWithoutValidation("If-None-Match", "\"0123456789abcdef\"");

        Assert.Equal(HttpStatusCode.NotModified, (await reader.SendAsync(same)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.SendAsync(other)).StatusCode);
    }

    [Fact]
    public async Task SeedPost_IsServedFromTheOutputCache_AndEvictedWhenItChanges()
    {
        var reader = site.CreateReader();
        await reader.GetStringAsync("/api/content/" + ApiClients.SeedId);
        site.Queries.Reset();

        var cached = await reader.GetAsync("/api/content/" + ApiClients.SeedId + "?utm_source=x");

        Assert.Equal(0, site.Queries.Count);
        Assert.NotNull(cached.Headers.Age);

        await site.InScopeAsync(async sp =>
        {
            var contentManager = sp.GetRequiredService<IContentManager>();
            var item = (await contentManager.GetAsync(ApiClients.SeedId))!;
            item.Alter<AnalysisPart>(p => p.Markdown += " Changed for the cache test.");
            await contentManager.PublishAsync(item);
        });
        var fresh = await ApiClients.ReadAsync(await reader.GetAsync("/api/content/" + ApiClients.SeedId));
        Assert.EndsWith("Changed for the cache test.", (string)fresh["AnalysisPart"]!["Markdown"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_PagesNewestFirst_WithLinks_AndFiltersByTagAndSearch()
    {
        var tag = "Paged" + Guid.NewGuid().ToString("N")[..8];
        var ids = await site.InScopeAsync(async sp =>
        {
            var contentManager = sp.GetRequiredService<IContentManager>();
            var made = new List<string>();
            for (var i = 0; i < 3; i++)
            {
                var item = TestPosts.New(contentManager, $"Listed {tag} number {i}", new DateTime(2023, 1, 1 + i, 0, 0, 0, DateTimeKind.Utc));
                item.Alter<TagsPart>(p => p.Tags = [tag]);
                made.Add((await contentManager.PublishAsync(item)).ContentItemId);
            }

            return made;
        });
        var reader = site.CreateReader();

        var first = await reader.GetAsync($"/api/content?type=NewsCommentary&tag={tag}&pageSize=2");
        var firstBody = await ApiClients.ReadAsync(first);
        var second = await ApiClients.ReadAsync(await reader.GetAsync((string)firstBody["Links"]!["Next"]!));

        Assert.Equal([ids[2], ids[1]], firstBody["Items"]!.AsArray().Select(i => (string)i!["ContentItemId"]!));
        Assert.Contains("rel=\"next\"", first.Headers.GetValues("Link").Single(), StringComparison.Ordinal);
        Assert.Equal([ids[0]], second["Items"]!.AsArray().Select(i => (string)i!["ContentItemId"]!));
        Assert.Null(second["Links"]!["Next"]);
        Assert.NotNull(second["Links"]!["Prev"]);

        var searched = await ApiClients.ReadAsync(await reader.GetAsync($"/api/content?type=NewsCommentary&q={tag}+number+1"));
        Assert.Equal([ids[1]], searched["Items"]!.AsArray().Select(i => (string)i!["ContentItemId"]!));
    }

    [Theory]
    [InlineData("/api/content", "type")]
    [InlineData("/api/content?type=NoSuchType", "type")]
    [InlineData("/api/content?type=NewsCommentary&page=0", "page")]
    [InlineData("/api/content?type=NewsCommentary&page=two", "page")]
    [InlineData("/api/content?type=NewsCommentary&pageSize=1000", "pageSize")]
    [InlineData("/api/content?type=NewsCommentary&tag=%21%21", "tag")]
    [InlineData("/api/content?type=NewsCommentary&q=%2A%2A", "q")]
    [InlineData("/api/content/" + ApiClients.SeedId + "?version=oldest", "version")]
    public async Task BadParameters_Are400_WithAProblemNamingTheParameter(string url, string parameter)
    {
        var response = await site.CreateReader().GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await ApiClients.ReadAsync(response);
        Assert.Equal(parameter, (string)problem["parameter"]!);
        Assert.Contains(parameter, (string)problem["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownIdsAndDrafts_Are404_WithAProblemBody()
    {
        var draftId = await site.InScopeAsync(async sp =>
        {
            var contentManager = sp.GetRequiredService<IContentManager>();
            return (await contentManager.SaveDraftAsync(TestPosts.New(contentManager, "An unpublished draft"))).ContentItemId;
        });
        var reader = site.CreateReader();

        foreach (var id in new[] { draftId, "nosuchitem000000000000000" })
        {
            var response = await reader.GetAsync("/api/content/" + id);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains(id, (string)(await ApiClients.ReadAsync(response))["detail"]!, StringComparison.Ordinal);
        }

        var listed = await reader.GetStringAsync("/api/content?type=NewsCommentary&pageSize=100");
        Assert.DoesNotContain(draftId, listed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await reader.GetAsync($"/api/content/{draftId}?version=latest")).StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_ListsTheEndpoints_AndTheReferencePageShowsThemWithoutScript()
    {
        var reader = site.CreateReader();
        var document = await ApiClients.ReadAsync(await reader.GetAsync("/api/openapi/content.json"));
        var (response, page) = await Html.GetAsync(reader, "/api/docs");

        var paths = document["paths"]!.AsObject();
        Assert.Equal(["/api/content", "/api/content/{contentItemId}", "/api/content/{contentItemId}/publish", "/api/content/{contentItemId}/unpublish"], paths.Select(p => p.Key).Order());
        Assert.Equal(["get", "post"], paths["/api/content"]!.AsObject().Select(o => o.Key).Order());
        Assert.Equal(["delete", "get", "put"], paths["/api/content/{contentItemId}"]!.AsObject().Select(o => o.Key).Order());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(7, page.QuerySelectorAll("article h2 code").Length);
        Assert.Contains("GET /api/content/{contentItemId}", page.QuerySelectorAll("article h2 code").Select(c => c.TextContent));
        Assert.Empty(page.QuerySelectorAll("main script, section script"));
    }
}
