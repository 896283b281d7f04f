using System.Net;
using System.Text.Json.Nodes;
using Cms.Content;
using Microsoft.Extensions.DependencyInjection;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.ContentApi;

/// <summary>Issue 15, point 6: drafts and writes with personal access tokens, under the content permissions.</summary>
public sealed class ContentApiWriteTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task AWriteToken_Creates_Updates_Publishes_Unpublishes_AndDeletes()
    {
        var (_, token) = await ApiClients.TokenAsync(site, "api-author", "write", "Author");
        var client = ApiClients.WithToken(site, token);
        var anonymous = site.CreateReader();

        var created = await client.PostAsync("/api/content", ApiClients.Json(ApiClients.NewPost("Written Through The Api")));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (string)(await ApiClients.ReadAsync(created))["ContentItemId"]!;
        Assert.Equal("/api/content/" + id, created.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/content/" + id)).StatusCode);

        var draft = await client.GetAsync($"/api/content/{id}?version=latest");
        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        Assert.True(draft.Headers.CacheControl is { Private: true, NoStore: true }, draft.Headers.CacheControl?.ToString());
        var update = new HttpRequestMessage(HttpMethod.Put, $"/api/content/{id}")
        {
            Content = ApiClients.Json(new JsonObject { ["AnalysisPart"] = new JsonObject { ["Markdown"] = "A second thought." } }),
        };
        update.Headers.TryAddWithoutValidation("If-Match", draft.Headers.ETag!.Tag);
        var updated = await client.SendAsync(update);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("A second thought.", (string)(await ApiClients.ReadAsync(updated))["AnalysisPart"]!["Markdown"]!);

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/content/{id}/publish", null)).StatusCode);
        var published = await ApiClients.ReadAsync(await anonymous.GetAsync("/api/content/" + id));
        Assert.Equal(("Written Through The Api", "A second thought.", "api-author"),
            ((string)published["DisplayText"]!, (string)published["AnalysisPart"]!["Markdown"]!, (string)published["Author"]!));

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/content/{id}/unpublish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/content/" + id)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/content/" + id)).StatusCode);
        Assert.Null(await ApiClients.LatestAsync(site, id));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/content/{id}?version=latest")).StatusCode);
    }

    [Fact]
    public async Task ADraft_IsReadWithItsAuthorsToken_NotAnotherAuthorsNorAnonymously()
    {
        var (authorId, authorToken) = await ApiClients.TokenAsync(site, "draft-author", "read", "Author");
        var (_, otherToken) = await ApiClients.TokenAsync(site, "other-author", "read", "Author");
        var id = await site.InScopeAsync(async sp =>
        {
            var contentManager = sp.GetRequiredService<IContentManager>();
            var item = TestPosts.New(contentManager, "A Draft Of Its Author");
            item.Owner = authorId;
            return (await contentManager.SaveDraftAsync(item)).ContentItemId;
        });

        var own = await ApiClients.WithToken(site, authorToken).GetAsync($"/api/content/{id}?version=latest");
        var other = await ApiClients.WithToken(site, otherToken).GetAsync($"/api/content/{id}?version=latest");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("A Draft Of Its Author", (string)(await ApiClients.ReadAsync(own))["DisplayText"]!);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateReader().GetAsync("/api/content/" + id)).StatusCode);
    }

    [Fact]
    public async Task AReadToken_CannotWrite_403_AndAnonymousWritesAre401()
    {
        var (_, token) = await ApiClients.TokenAsync(site, "read-only-editor", "read", "Editor");
        await ApiClients.WithToken(site, token).GetAsync("/api/content/" + ApiClients.SeedId); // its "last used" is written once
        var before = await DatabaseFingerprint.TakeAsync(site);

        var withReadToken = await ApiClients.WithToken(site, token).PostAsync("/api/content", ApiClients.Json(ApiClients.NewPost("Never Written")));
        var anonymous = await site.CreateReader().PostAsync("/api/content", ApiClients.Json(ApiClients.NewPost("Never Written")));

        Assert.Equal(HttpStatusCode.Forbidden, withReadToken.StatusCode);
        Assert.Contains("read scope", (string)(await ApiClients.ReadAsync(withReadToken))["detail"]!, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    [Fact]
    public async Task ATokenOfAUserWithoutThePermission_IsRefused403()
    {
        var (_, token) = await ApiClients.TokenAsync(site, "api-member", "write", "Member");

        var response = await ApiClients.WithToken(site, token).PostAsync("/api/content", ApiClients.Json(ApiClients.NewPost("Not A Member's To Write")));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AStaleIfMatch_Is412_AMissingOneIs428_ABadPublishIs400_AndNothingChanges()
    {
        var (_, token) = await ApiClients.TokenAsync(site, "api-editor", "write", "Editor");
        var client = ApiClients.WithToken(site, token);
        await client.GetAsync("/api/content/" + ApiClients.SeedId); // its "last used" is written once
        var before = await DatabaseFingerprint.TakeAsync(site);
        var body = new JsonObject { ["AnalysisPart"] = new JsonObject { ["Markdown"] = "Overwritten." } };

        var stale = new HttpRequestMessage(HttpMethod.Put, "/api/content/" + ApiClients.SeedId) { Content = ApiClients.Json(body) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"0123456789abcdef0123456789abcdef\"");
        var missing = new HttpRequestMessage(HttpMethod.Put, "/api/content/" + ApiClients.SeedId) { Content = ApiClients.Json(body) };

        Assert.Equal(HttpStatusCode.PreconditionFailed, (await client.SendAsync(stale)).StatusCode);
        Assert.Equal((HttpStatusCode)428, (await client.SendAsync(missing)).StatusCode);
        var badPublish = await client.PostAsync("/api/content?publish=yes", ApiClients.Json(ApiClients.NewPost("Never Written")));
        Assert.Equal("publish", (string)(await ApiClients.ReadAsync(badPublish))["parameter"]!);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    [Theory]
    [InlineData("SourceLinkPart", "Url", "javascript:alert(1)", "SourceLinkPart.Url")]
    [InlineData("TitlePart", "Title", "", "TitlePart.Title")]
    [InlineData("NoSuchPart", "X", "y", "NoSuchPart")]
    [InlineData("QuotePart", "Text", "bell \u0007 rings", "QuotePart.Text")]
    public async Task AnInvalidBody_Is400_NamingTheField_AndNothingIsWritten(string part, string property, string value, string field)
    {
        var (_, token) = await ApiClients.TokenAsync(site, "api-validated", "write", "Editor");
        var body = ApiClients.NewPost("Badly Formed");
        body[part] = new JsonObject { [property] = value };
        await ApiClients.WithToken(site, token).GetAsync("/api/content/" + ApiClients.SeedId); // its "last used" is written once
        var before = await DatabaseFingerprint.TakeAsync(site);

        var response = await ApiClients.WithToken(site, token).PostAsync("/api/content?publish=true", ApiClients.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ApiClients.ReadAsync(response))["errors"]!.AsObject();
        Assert.Contains(field, errors.Select(e => e.Key));
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }
}
