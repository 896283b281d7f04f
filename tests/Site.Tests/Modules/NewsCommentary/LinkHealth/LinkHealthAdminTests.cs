using System.Net;
using Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modules.NewsCommentary.Models;
using Modules.NewsCommentary.Services;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.NewsCommentary.LinkHealth;

/// <summary>The admin report of broken source links and its "Check now" button.</summary>
public sealed class LinkHealthAdminTests(LinkHealthSite site) : IClassFixture<LinkHealthSite>
{
    private const string Page = "/admin/source-links";
    private const string Archive = "https://web.archive.org/web/2020/https://news.example.org/gone-story";

    [Fact]
    public async Task Report_ListsExactlyTheBrokenLinks_WithStatusSinceAndArchive()
    {
        var m = LinkHealthSite.Marker();
        var ok = await site.PublishAsync(site.Sources.Url("/ok", m));
        var moved = await site.PublishAsync(site.Sources.Url("/moved", m));
        var missing = await site.PublishAsync(site.Sources.Url("/missing", m));
        var gone = await site.PublishAsync(site.Sources.Url("/gone", m), Archive);
        var error = await site.PublishAsync(site.Sources.Url("/error", m));
        await site.RunPassAsync();

        var (response, page) = await Html.GetAsync(await EditorAsync(), Page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var listed = page.QuerySelectorAll("table.source-links tbody tr").Select(r => r.Id!["link-".Length..]).ToHashSet();
        Assert.Equal(await BrokenIdsAsync(), listed);
        Assert.Contains(missing.Id, listed);
        Assert.Contains(gone.Id, listed);
        Assert.Contains(error.Id, listed);
        Assert.DoesNotContain(ok.Id, listed);
        Assert.DoesNotContain(moved.Id, listed);

        var goneRow = page.QuerySelector($"#link-{gone.Id}")!;
        Assert.Equal($"/admin/contents/{gone.Id}/edit", goneRow.QuerySelector("td a")!.GetAttribute("href"));
        Assert.Equal("Post citing gone", goneRow.QuerySelector("td a")!.TextContent);
        Assert.Equal(site.Sources.Url("/gone", m), goneRow.QuerySelector(".source-url a")!.GetAttribute("href"));
        Assert.Equal("Gone (410)", goneRow.QuerySelector(".status")!.TextContent);
        Assert.Equal(Archive, goneRow.QuerySelector("a.archive-url")!.GetAttribute("href"));
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d UTC$", goneRow.QuerySelectorAll("td")[3].TextContent.Trim());

        var missingRow = page.QuerySelector($"#link-{missing.Id}")!;
        Assert.Equal("Not found (404)", missingRow.QuerySelector(".status")!.TextContent);
        Assert.Equal("No archive URL — add one", missingRow.QuerySelector(".no-archive")!.TextContent);
        Assert.Equal($"/admin/contents/{missing.Id}/edit", missingRow.QuerySelector(".no-archive a")!.GetAttribute("href"));
        Assert.Equal("Server error (503)", page.QuerySelector($"#link-{error.Id} .status")!.TextContent);
    }

    [Fact]
    public async Task Report_IsInTheEditorsMenu_AndRefusedToThoseWithoutThePermission()
    {
        var anonymous = await site.CreateReader().GetAsync(Page);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/login", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);

        foreach (var role in new[] { "Member", "Contributor", "Author" })
        {
            var user = "links-" + role.ToLowerInvariant();
            await Accounts.EnsureUserAsync(site, user, role);
            var client = await Accounts.SignedInClientAsync(site, user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Page)).StatusCode);
        }

        var (_, author) = await Html.GetAsync(await Accounts.SignedInClientAsync(site, "links-author"), "/admin");
        Assert.Null(author.QuerySelector($"nav.admin-menu a[href='{Page}']"));
        var (_, editor) = await Html.GetAsync(await EditorAsync(), "/admin");
        Assert.Equal("Broken source links", editor.QuerySelector($"nav.admin-menu a[href='{Page}']")!.TextContent);
        var admin = await Accounts.SignedInClientAsync(site, SiteFactory.AdminUserName, SiteFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(Page)).StatusCode);
    }

    [Fact]
    public async Task CheckNow_ChecksTheLinkAgainAtOnce_AndTheFixedLinkLeavesTheReport()
    {
        var key = LinkHealthSite.Marker();
        site.Sources.SetStatus(key, 404);
        var post = await site.PublishAsync($"{site.Sources.BaseUrl}/set/{key}");
        await site.RunPassAsync();
        var editor = await EditorAsync();
        Assert.NotNull((await Html.GetAsync(editor, Page)).Document.QuerySelector($"#link-{post.Id}"));

        site.Sources.SetStatus(key, 200);
        var response = await Accounts.PostFormAsync(editor, Page, CheckUrl(post), new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Page, response.Headers.Location!.OriginalString);
        Assert.Equal(2, site.Sources.RequestsFor(key).Count);
        var check = (await site.CheckOfAsync(post))!;
        Assert.Equal((LinkOutcome.Ok, 200, 0, false), (check.Outcome, check.StatusCode, check.ConsecutiveFailures, check.Gone));
        var (_, page) = await Html.GetAsync(editor, Page);
        Assert.Null(page.QuerySelector($"#link-{post.Id}"));
        Assert.Equal($"Checked {site.Sources.BaseUrl}/set/{key}: OK (200 OK).", page.QuerySelector(".notice-success")!.TextContent.Trim());
    }

    [Fact]
    public async Task CheckNow_NeedsTheAntiforgeryToken_AndThePermission()
    {
        var key = LinkHealthSite.Marker();
        site.Sources.SetStatus(key, 410);
        var post = await site.PublishAsync($"{site.Sources.BaseUrl}/set/{key}");
        await site.RunPassAsync();
        var before = await site.CheckOfAsync(post);

        var withoutToken = await (await EditorAsync()).PostAsync(CheckUrl(post), new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);

        await Accounts.EnsureUserAsync(site, "links-member", "Member");
        var member = await Accounts.SignedInClientAsync(site, "links-member");
        var token = Html.AntiforgeryToken((await Html.GetAsync(member, "/")).Document);
        var refused = await member.PostAsync(CheckUrl(post), new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var anonymous = await site.CreateReader().PostAsync(CheckUrl(post), new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.True(anonymous.StatusCode == HttpStatusCode.BadRequest
            || (anonymous.StatusCode == HttpStatusCode.Redirect && anonymous.Headers.Location!.OriginalString.Contains("/login", StringComparison.Ordinal)),
            $"an anonymous check was answered {anonymous.StatusCode}");

        Assert.Single(site.Sources.RequestsFor(key));
        Assert.Equivalent(before, await site.CheckOfAsync(post));
    }

    [Fact]
    public async Task CheckNow_ForAnUnknownPost_SaysSo_AndChecksNothing()
    {
        var editor = await EditorAsync();
        var response = await Accounts.PostFormAsync(editor, Page, "/admin/source-links/00000000000000000000000000/check", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, page) = await Html.GetAsync(editor, Page);
        Assert.Equal("Nothing was checked: there is no published post with a source link by that id.", page.QuerySelector(".notice-error")!.TextContent.Trim());
    }

    private static string CheckUrl(TestPost post) => $"/admin/source-links/{post.Id}/check";

    private async Task<HttpClient> EditorAsync()
    {
        await Accounts.EnsureUserAsync(site, "links-editor", "Editor");
        return await Accounts.SignedInClientAsync(site, "links-editor");
    }

    private Task<HashSet<string>> BrokenIdsAsync() => site.InScopeAsync(async sp =>
    {
        var rows = await sp.GetRequiredService<CmsDbContext>().Set<SourceLinkCheck>().AsNoTracking().Where(c => c.Published).ToListAsync();
        return rows.Where(c => LinkHealthRules.IsBroken(c.Outcome)).Select(c => c.ContentItemId).ToHashSet();
    });
}
