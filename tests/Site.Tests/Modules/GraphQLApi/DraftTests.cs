using System.Net;
using Cms.Content;
using Microsoft.Extensions.DependencyInjection;
using Site.Tests.Infrastructure;
using Site.Tests.Modules.ContentApi;

namespace Site.Tests.Modules.GraphQLApi;

/// <summary>Issue 15 point 7: drafts are read through the site's permissions (PreviewContent on the item) of the API token's user; the sign-in cookie is not read under /api.</summary>
public sealed class DraftTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task ADraft_IsInvisibleAnonymously_AndToAnotherAuthor_ButVisibleToItsAuthorAndTheAdministrator()
    {
        var (authorId, authorToken) = await ApiClients.TokenAsync(site, "gql-author", "read", "Author");
        var (_, otherToken) = await ApiClients.TokenAsync(site, "gql-other", "read", "Author");
        var draftId = await site.InScopeAsync(async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var item = TestPosts.New(contents, "Unpublished thoughts");
            item.Owner = authorId;
            item.Author = "gql-author";
            return (await contents.SaveDraftAsync(item)).ContentItemId;
        });
        var one = $"{{ contentItem(contentItemId: \"{draftId}\", status: LATEST) {{ displayText published }} }}";
        const string drafts = "{ newsCommentary(status: DRAFT, first: 100) { contentItemId displayText } }";
        const string published = "{ newsCommentary(first: 100) { contentItemId } }";

        var anonymous = site.CreateReader();
        Assert.Null((await GraphQLClient.DataAsync(anonymous, one))["contentItem"]);
        Assert.DoesNotContain(draftId, Ids(await GraphQLClient.DataAsync(anonymous, drafts)));

        // The sign-in cookie is never read under /api (no cross-site request acts as the user): signed in, still anonymous.
        var signedIn = await Accounts.SignedInClientAsync(site, "gql-author");
        Assert.Null((await GraphQLClient.DataAsync(signedIn, one))["contentItem"]);

        var other = ApiClients.WithToken(site, otherToken);
        Assert.Null((await GraphQLClient.DataAsync(other, one))["contentItem"]);
        Assert.DoesNotContain(draftId, Ids(await GraphQLClient.DataAsync(other, drafts)));

        var author = ApiClients.WithToken(site, authorToken);
        var own = (await GraphQLClient.DataAsync(author, one))["contentItem"]!;
        Assert.Equal("Unpublished thoughts", own["displayText"]!.GetValue<string>());
        Assert.False(own["published"]!.GetValue<bool>());
        Assert.Contains(draftId, Ids(await GraphQLClient.DataAsync(author, drafts)));
        Assert.DoesNotContain(draftId, Ids(await GraphQLClient.DataAsync(author, published)));
        Assert.Null((await GraphQLClient.DataAsync(author, $"{{ contentItem(contentItemId: \"{draftId}\") {{ displayText }} }}"))["contentItem"]);

        var (_, adminToken) = await ApiClients.TokenAsync(site, "gql-administrator", "read", "Administrator");
        var admin = ApiClients.WithToken(site, adminToken);
        Assert.Contains(draftId, Ids(await GraphQLClient.DataAsync(admin, drafts)));
    }

    [Fact]
    public async Task ASignedInPost_NeedsNoAntiforgeryToken_ButAFormPostIsRefused()
    {
        var author = await Accounts.SignedInClientAsync(site, SiteFactory.AdminUserName, SiteFactory.AdminPassword);
        var form = await author.PostAsync(GraphQLClient.Path, new FormUrlEncodedContent(new Dictionary<string, string> { ["query"] = "{ newsCommentary { displayText } }" }));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        Assert.Contains("application/json", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var (status, _) = await GraphQLClient.PostAsync(author, "{ newsCommentary { displayText } }");
        Assert.Equal(HttpStatusCode.OK, status);
    }

    private static List<string> Ids(System.Text.Json.Nodes.JsonObject data)
        => data["newsCommentary"]!.AsArray().Select(i => i!["contentItemId"]!.GetValue<string>()).ToList();
}
