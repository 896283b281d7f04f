using System.Net;
using Cms.Content;
using Microsoft.Extensions.DependencyInjection;
using Site.Tests.Infrastructure;
using Site.Tests.Modules.Contents;

namespace Site.Tests.Security;

/// <summary>
/// Every admin endpoint and action, for anonymous, Member, Contributor, Author, Editor and
/// Administrator. "login" means sent to sign in; "ok" a success (200, or a redirect back to the
/// editor after a write). Every refused write leaves the database as it was.
/// </summary>
public sealed class AuthorizationMatrixTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private const string Anonymous = "anonymous";
    private static readonly string[] s_roles = [Anonymous, "Member", "Contributor", "Author", "Editor", "Administrator"];

    /// <summary>Endpoint, whose item it acts on ("own", "other"; "-" for none), then the outcome per role in <see cref="s_roles"/> order.</summary>
    private static readonly (string Endpoint, string Item, string[] Outcomes)[] s_matrix =
    [
        ("GET /admin", "-", ["login", "403", "ok", "ok", "ok", "ok"]),
        ("GET /admin/contents", "-", ["login", "403", "ok", "ok", "ok", "ok"]),
        ("GET /admin/contents/new/NewsCommentary", "-", ["login", "403", "ok", "ok", "ok", "ok"]),
        ("POST /admin/contents/new/NewsCommentary save", "-", ["login", "403", "ok", "ok", "ok", "ok"]),
        ("POST /admin/contents/new/NewsCommentary publish", "-", ["login", "403", "403", "ok", "ok", "ok"]),
        ("GET /admin/contents/{id}/edit", "own", ["login", "403", "ok", "ok", "ok", "ok"]),
        ("GET /admin/contents/{id}/edit", "other", ["login", "403", "403", "403", "ok", "ok"]),
        ("POST /admin/contents/{id}/edit save", "own", ["login", "403", "ok", "ok", "ok", "ok"]),
        ("POST /admin/contents/{id}/edit save", "other", ["login", "403", "403", "403", "ok", "ok"]),
        ("POST /admin/contents/{id}/publish", "own", ["login", "403", "403", "ok", "ok", "ok"]),
        ("POST /admin/contents/{id}/publish", "other", ["login", "403", "403", "403", "ok", "ok"]),
        ("POST /admin/contents/{id}/unpublish", "other", ["login", "403", "403", "403", "ok", "ok"]),
        ("POST /admin/contents/{id}/discard", "other", ["login", "403", "403", "403", "ok", "ok"]),
        ("POST /admin/contents/{id}/delete", "own", ["login", "403", "403", "ok", "ok", "ok"]),
        ("POST /admin/contents/{id}/delete", "other", ["login", "403", "403", "403", "ok", "ok"]),
        ("POST /admin/contents/{id}/clone", "own", ["login", "403", "ok", "ok", "ok", "ok"]),
        ("POST /admin/contents/{id}/clone", "other", ["login", "403", "403", "403", "ok", "ok"]),
        ("GET /admin/contents/{id}/history", "other", ["login", "403", "403", "403", "ok", "ok"]),
        ("POST /admin/contents/{id}/restore/{version}", "other", ["login", "403", "403", "403", "ok", "ok"]),
        ("GET /preview/{id}", "own", ["login", "403", "ok", "ok", "ok", "ok"]),
        ("GET /preview/{id}", "other", ["login", "403", "403", "403", "ok", "ok"]),
        ("POST /admin/markdown/preview", "-", ["login", "403", "ok", "ok", "ok", "ok"]),
        ("GET /admin/users", "-", ["login", "403", "403", "403", "403", "ok"]),
        ("GET /admin/users/new", "-", ["login", "403", "403", "403", "403", "ok"]),
        ("POST /admin/users/new", "-", ["login", "403", "403", "403", "403", "ok"]),
        ("GET /admin/users/{user}/edit", "-", ["login", "403", "403", "403", "403", "ok"]),
        ("POST /admin/users/{user}/disable", "-", ["login", "403", "403", "403", "403", "ok"]),
        ("POST /admin/users/{user}/enable", "-", ["login", "403", "403", "403", "403", "ok"]),
        ("GET /admin/roles", "-", ["login", "403", "403", "403", "403", "ok"]),
        ("GET /admin/roles/new", "-", ["login", "403", "403", "403", "403", "ok"]),
        ("POST /admin/roles/new", "-", ["login", "403", "403", "403", "403", "ok"]),
        ("GET /admin/roles/Moderator/edit", "-", ["login", "403", "403", "403", "403", "ok"]),
        ("POST /admin/roles/Moderator/edit", "-", ["login", "403", "403", "403", "403", "ok"]),
        ("GET /admin/settings/email", "-", ["login", "403", "403", "403", "403", "ok"]),
        ("POST /admin/settings/email", "-", ["login", "403", "403", "403", "403", "ok"]),
        ("POST /admin/settings/email/test", "-", ["login", "403", "403", "403", "403", "ok"]),
        ("GET /admin/recipes", "-", ["login", "403", "403", "403", "403", "ok"]),
        ("GET /admin/recipes/apply?name=Pages", "-", ["login", "403", "403", "403", "403", "ok"]),
        ("POST /admin/recipes/apply?name=Pages", "-", ["login", "403", "403", "403", "403", "ok"]),
        ("GET /admin/recipes/export", "-", ["login", "403", "403", "403", "403", "ok"]),
        ("GET /admin/import", "-", ["login", "403", "403", "403", "403", "ok"]),
        ("POST /admin/import", "-", ["login", "403", "403", "403", "403", "ok"]),
    ];

    public static TheoryData<string, string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var (endpoint, item, outcomes) in s_matrix)
        {
            for (var i = 0; i < s_roles.Length; i++)
            {
                data.Add(endpoint, item, s_roles[i], outcomes[i]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Endpoint_AnswersAsExpected_ForRole(string endpoint, string whose, string role, string expected)
    {
        var (client, userId) = await ClientForAsync(role);
        var ownerId = whose == "own" ? userId : await Accounts.EnsureUserAsync(site, "someone-else", "Editor");
        var (id, version) = whose == "-" ? ("", "") : await ItemWithDraftAsync(ownerId ?? "");
        var parts = endpoint.Split(' ');
        var someoneElse = await Accounts.EnsureUserAsync(site, "someone-else", "Editor");
        var url = parts[1].Replace("{id}", id, StringComparison.Ordinal).Replace("{version}", version, StringComparison.Ordinal)
            .Replace("{user}", someoneElse, StringComparison.Ordinal);
        var token = role == Anonymous ? null : Html.AntiforgeryToken((await Html.GetAsync(client, "/")).Document);
        var editedVersion = parts[0] == "POST" && url.StartsWith("/admin/contents/", StringComparison.Ordinal) && url.EndsWith("/edit", StringComparison.Ordinal)
            ? await site.InScopeAsync(async sp => global::Modules.Contents.Services.EditedVersion.Of((await sp.GetRequiredService<IContentManager>().GetAsync(id, VersionOptions.Latest))!))
            : null;
        var before = await DatabaseFingerprint.TakeAsync(site);

        var response = parts[0] == "GET" ? await client.GetAsync(url) : await client.PostAsync(url, Form(url, parts.ElementAtOrDefault(2), token, editedVersion));

        var actual = response.StatusCode switch
        {
            HttpStatusCode.Redirect when response.Headers.Location!.OriginalString.Contains("/login", StringComparison.Ordinal) => "login",
            HttpStatusCode.OK or HttpStatusCode.Redirect => "ok",
            var code => ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        Assert.Equal(expected, actual);
        if (expected != "ok" && parts[0] == "POST")
        {
            Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
        }
    }

    [Fact]
    public async Task AnonymousVisitor_IsSentToSignIn_WithALocalReturnUrl()
    {
        var response = await site.CreateReader().GetAsync("/admin/contents?type=NewsCommentary");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("http://localhost/login?ReturnUrl=", location, StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString("/admin/contents?type=NewsCommentary"), location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostWithoutAntiforgeryToken_IsRefused_AndWritesNothing()
    {
        var (client, _) = await ClientForAsync("Editor");
        var before = await DatabaseFingerprint.TakeAsync(site);

        var response = await client.PostAsync("/admin/contents/new/NewsCommentary", Form("/admin/contents/new/NewsCommentary", "publish", token: null));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    private async Task<(HttpClient Client, string? UserId)> ClientForAsync(string role)
    {
        if (role == Anonymous)
        {
            return (site.CreateReader(), null);
        }

        if (role == "Administrator")
        {
            var adminId = await Accounts.EnsureUserAsync(site, SiteFactory.AdminUserName);
            return (await Accounts.SignedInClientAsync(site, SiteFactory.AdminUserName, SiteFactory.AdminPassword), adminId);
        }

        var userName = "matrix-" + role.ToLowerInvariant();
        var id = await Accounts.EnsureUserAsync(site, userName, role);
        return (await Accounts.SignedInClientAsync(site, userName), id);
    }

    /// <summary>A published post with a newer draft, owned by the user; returns its id and its first version.</summary>
    private Task<(string Id, string Version)> ItemWithDraftAsync(string ownerId) => site.InScopeAsync(async sp =>
    {
        var cm = sp.GetRequiredService<IContentManager>();
        var item = TestPosts.New(cm, "Matrix " + Guid.NewGuid().ToString("N")[..8]);
        item.Owner = ownerId;
        item = await cm.PublishAsync(item);
        var firstVersion = item.ContentItemVersionId;
        var draft = (await cm.GetAsync(item.ContentItemId, VersionOptions.Latest))!;
        draft.Alter<global::Modules.NewsCommentary.Models.AnalysisPart>(p => p.Markdown = "A newer draft.");
        await cm.SaveDraftAsync(draft);
        return (item.ContentItemId, firstVersion);
    });

    private static FormUrlEncodedContent Form(string url, string? submit, string? token, string? editedVersion = null)
    {
        var fields = url.EndsWith("/edit", StringComparison.Ordinal) || url.Contains("/new/", StringComparison.Ordinal)
            ? ContentEditorTests.PostFields("Matrix post " + Guid.NewGuid().ToString("N")[..6], submit ?? "save")
            : url.EndsWith("/markdown/preview", StringComparison.Ordinal) ? new Dictionary<string, string> { ["text"] = "**hi**" } : [];
        if (token is not null)
        {
            fields["__RequestVerificationToken"] = token;
        }

        if (editedVersion is not null)
        {
            fields[global::Modules.Contents.Services.EditedVersion.FieldName] = editedVersion;
        }

        return new FormUrlEncodedContent(fields);
    }
}
