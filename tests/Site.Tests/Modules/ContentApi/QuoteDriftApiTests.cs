using System.Net;
using System.Text.Json.Nodes;
using Modules.NewsCommentary.Models;
using Site.Tests.Infrastructure;
using Site.Tests.Modules.GraphQLApi;
using Site.Tests.Modules.NewsCommentary.LinkHealth;
using Site.Tests.Modules.NewsCommentary.QuoteDrift;

namespace Site.Tests.Modules.ContentApi;

/// <summary>
/// Issue 16 point 6: the content API carries drift state. The same post, whose source page the local test server
/// changes, read through REST (<c>Extras.QuoteDrift</c>) and GraphQL (<c>quoteDrift</c>) says the same at each step,
/// and the cached anonymous REST answer is evicted whenever the state changes.
/// </summary>
public sealed class QuoteDriftApiTests(QuoteDriftSite site) : IClassFixture<QuoteDriftSite>
{
    private const string Fields = "state missingSentences { index sentence firstMissingUtc } firstNoticedUtc acknowledged acknowledgedUtc archiveUrl";

    [Fact]
    public async Task DriftState_ReadThroughRestAndGraphQL_IsTheSame_AtEveryStep_AndTheCachedAnswerFollowsIt()
    {
        var (post, key) = await site.PublishDriftingAsync();
        var fresh = await RestAsync(post);
        Assert.Equal("Unchecked", (string)fresh["State"]!);
        Assert.Empty(fresh["MissingSentences"]!.AsArray());
        Assert.Equal(QuoteDriftSite.Archive, (string)fresh["ArchiveUrl"]!);
        await AssertSameThroughGraphQLAsync(post, fresh);

        // Nothing readers see changes (all found): only the API's state does, and the cached answer goes with it.
        await site.CheckNowAsync(post);
        var found = await RestAsync(post);
        Assert.Equal("AllFound", (string)found["State"]!);
        Assert.Null(found["FirstNoticedUtc"]);
        await AssertSameThroughGraphQLAsync(post, found);

        site.Sources.SetPage(key, QuoteDriftSite.Article(QuoteDriftSite.Reworded));
        var check = (await site.CheckNowAsync(post))!;
        var drifted = await RestAsync(post);
        Assert.Equal("SomeMissing", (string)drifted["State"]!);
        var missing = Assert.Single(drifted["MissingSentences"]!.AsArray())!;
        Assert.Equal(1, (int)missing["Index"]!);
        Assert.Contains("There will be no new election", (string)missing["Sentence"]!, StringComparison.Ordinal);
        Assert.Equal(check.DriftSinceUtc, (DateTime)drifted["FirstNoticedUtc"]!);
        Assert.False((bool)drifted["Acknowledged"]!);
        await AssertSameThroughGraphQLAsync(post, drifted);

        // Acknowledging changes no reader's page, but the API says so at once.
        await Accounts.EnsureUserAsync(site, "api-drift-editor", "Editor");
        var editor = await Accounts.SignedInClientAsync(site, "api-drift-editor");
        await Accounts.PostFormAsync(editor, "/admin/source-links?filter=changed", $"/admin/source-links/{post.Id}/acknowledge", new Dictionary<string, string>());
        var acknowledged = await RestAsync(post);
        Assert.True((bool)acknowledged["Acknowledged"]!);
        Assert.NotNull(acknowledged["AcknowledgedUtc"]);
        await AssertSameThroughGraphQLAsync(post, acknowledged);

        site.Sources.SetPage(key, "<p>Removed.</p>");
        await site.CheckNowAsync(post);
        var gone = await RestAsync(post);
        Assert.Equal("NoneFound", (string)gone["State"]!);
        Assert.Equal(3, gone["MissingSentences"]!.AsArray().Count);
        Assert.Equal(check.DriftSinceUtc, (DateTime)gone["FirstNoticedUtc"]!);
        await AssertSameThroughGraphQLAsync(post, gone);
    }

    [Fact]
    public async Task TheList_CarriesEachItemsDrift_ThroughRestAndGraphQL()
    {
        var (post, key) = await site.PublishDriftingAsync(archive: null);
        site.Sources.SetPage(key, QuoteDriftSite.Article(QuoteDriftSite.Reworded));
        Assert.Equal(QuoteState.SomeMissing, (await site.CheckNowAsync(post))!.QuoteState);

        var list = await ApiClients.ReadAsync(await site.CreateReader().GetAsync("/api/content?type=NewsCommentary&pageSize=10"));
        var rest = list["Items"]!.AsArray().Single(i => (string)i!["ContentItemId"]! == post.Id)!["Extras"]!["QuoteDrift"]!;
        var data = await GraphQLClient.DataAsync(site.CreateReader(), $"{{ newsCommentary(first: 10) {{ contentItemId quoteDrift {{ {Fields} }} }} }}");
        var graph = data["newsCommentary"]!.AsArray().Single(i => (string)i!["contentItemId"]! == post.Id)!["quoteDrift"]!;

        Assert.Equal("SomeMissing", (string)rest["State"]!);
        Assert.Null(rest["ArchiveUrl"]);
        AssertSame(rest.AsObject(), graph.AsObject());
    }

    [Fact]
    public async Task ADraft_CarriesNoDrift_ForTheRecordJudgesThePublishedQuote()
    {
        var post = await site.PublishAsync($"{site.Sources.BaseUrl}/page/{LinkHealthSite.Marker()}", publish: false);
        var (_, token) = await ApiClients.TokenAsync(site, "api-drift-reader", "read", "Editor");

        var draft = await ApiClients.ReadAsync(await ApiClients.WithToken(site, token).GetAsync($"/api/content/{post.Id}?version=latest"));

        Assert.False((bool)draft["Published"]!);
        Assert.Null(draft["Extras"]);
    }

    private async Task<JsonObject> RestAsync(TestPost post)
    {
        var response = await site.CreateReader().GetAsync("/api/content/" + post.Id);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await ApiClients.ReadAsync(response))["Extras"]!["QuoteDrift"]!.AsObject();
    }

    private async Task AssertSameThroughGraphQLAsync(TestPost post, JsonObject rest)
    {
        var data = await GraphQLClient.DataAsync(site.CreateReader(), $"{{ contentItem(contentItemId: \"{post.Id}\") {{ ... on NewsCommentary {{ quoteDrift {{ {Fields} }} }} }} }}");
        AssertSame(rest, data["contentItem"]!["quoteDrift"]!.AsObject());
    }

    /// <summary>REST's PascalCase section and GraphQL's camelCase one hold the same values (dates compared as instants).</summary>
    private static void AssertSame(JsonObject rest, JsonObject graph)
    {
        Assert.Equal((string)rest["State"]!, (string)graph["state"]!);
        Assert.Equal((bool)rest["Acknowledged"]!, (bool)graph["acknowledged"]!);
        Assert.Equal((DateTime?)rest["FirstNoticedUtc"], (DateTime?)graph["firstNoticedUtc"]);
        Assert.Equal((DateTime?)rest["AcknowledgedUtc"], (DateTime?)graph["acknowledgedUtc"]);
        Assert.Equal((string?)rest["ArchiveUrl"], (string?)graph["archiveUrl"]);
        Assert.Equal(
            rest["MissingSentences"]!.AsArray().Select(m => ((int)m!["Index"]!, (string)m["Sentence"]!, (DateTime)m["FirstMissingUtc"]!)),
            graph["missingSentences"]!.AsArray().Select(m => ((int)m!["index"]!, (string)m["sentence"]!, (DateTime)m["firstMissingUtc"]!)));
    }
}
