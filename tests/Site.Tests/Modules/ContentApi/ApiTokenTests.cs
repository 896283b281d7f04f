using System.Net;
using Cms.Data;
using Cms.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modules.ContentApi.Models;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.ContentApi;

/// <summary>Issue 15, point 6: personal access tokens made and revoked on the account page, stored hashed, refused when dead.</summary>
public sealed class ApiTokenTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private const string Page = "/account/tokens";

    [Fact]
    public async Task TheAccountPage_MakesATokenShownOnce_StoredHashed_ThenRevokesIt()
    {
        await Accounts.EnsureUserAsync(site, "token-maker", "Author");
        var browser = await Accounts.SignedInClientAsync(site, "token-maker");

        var made = await Accounts.PostFormAsync(browser, Page, Page, new Dictionary<string, string> { ["Name"] = "newsletter script", ["Scope"] = "read", ["ExpiresInDays"] = "30" });
        var secret = Html.Parse(await made.Content.ReadAsStringAsync()).QuerySelector("input.token-secret")!.GetAttribute("value")!;

        Assert.StartsWith("ncpat_", secret, StringComparison.Ordinal);
        var stored = await site.InScopeAsync(sp => sp.GetRequiredService<CmsDbContext>().Set<ApiToken>().AsNoTracking().SingleAsync(t => t.Name == "newsletter script"));
        Assert.NotEqual(secret, stored.SecretHash);
        Assert.Equal(64, stored.SecretHash.Length);
        Assert.DoesNotContain(secret, await DatabaseFingerprint.TakeAsync(site), StringComparison.Ordinal);
        var (_, listed) = await Html.GetAsync(browser, Page);
        Assert.DoesNotContain(secret, listed.Body!.OuterHtml, StringComparison.Ordinal);
        Assert.Contains("newsletter script", listed.QuerySelector("table.api-tokens")!.TextContent, StringComparison.Ordinal);

        var api = ApiClients.WithToken(site, secret);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/content/" + ApiClients.SeedId)).StatusCode);
        Assert.Contains("never", listed.QuerySelector("table.api-tokens")!.TextContent, StringComparison.Ordinal);
        var (_, afterUse) = await Html.GetAsync(browser, Page);
        Assert.DoesNotContain("never", afterUse.QuerySelector("table.api-tokens")!.TextContent, StringComparison.Ordinal);

        var revoke = $"{Page}/{stored.Id}/revoke";
        Assert.Equal(HttpStatusCode.Redirect, (await Accounts.PostFormAsync(browser, Page, revoke, new Dictionary<string, string>())).StatusCode);
        var refused = await api.GetAsync("/api/content/" + ApiClients.SeedId);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("revoked", (string)(await ApiClients.ReadAsync(refused))["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAccountPageForms_NeedTheAntiforgeryToken_AndAName()
    {
        await Accounts.EnsureUserAsync(site, "token-forger", "Author");
        var browser = await Accounts.SignedInClientAsync(site, "token-forger");
        var before = await DatabaseFingerprint.TakeAsync(site);

        var forged = await browser.PostAsync(Page, new FormUrlEncodedContent(new Dictionary<string, string> { ["Name"] = "forged", ["Scope"] = "write", ["ExpiresInDays"] = "30" }));
        var nameless = await Accounts.PostFormAsync(browser, Page, Page, new Dictionary<string, string> { ["Name"] = " ", ["Scope"] = "write", ["ExpiresInDays"] = "30" });

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, nameless.StatusCode);
        Assert.Contains("Name the token", Html.Parse(await nameless.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for='Name']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
        Assert.Equal(HttpStatusCode.Redirect, (await site.CreateReader().GetAsync(Page)).StatusCode);
    }

    [Fact]
    public async Task ExpiredUnknownAndMalformedTokens_Are401_WithAProblemSayingWhy_EvenForPublicReads()
    {
        var (_, expired) = await ApiClients.TokenAsync(site, "token-expired", "read", "Author");
        await site.InScopeAsync(sp => sp.GetRequiredService<CmsDbContext>().Set<ApiToken>()
            .Where(t => t.Name == "test read").ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresUtc, DateTime.UtcNow.AddMinutes(-1))));

        foreach (var (token, why) in new[] { (expired, "expired"), ("ncpat_" + new string('x', 43), "unknown"), ("not-a-token", "not a personal access token") })
        {
            var response = await ApiClients.WithToken(site, token).GetAsync("/api/content/" + ApiClients.SeedId);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains(why, (string)(await ApiClients.ReadAsync(response))["detail"]!, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AUsersTokens_GoWithTheUser()
    {
        var (userId, token) = await ApiClients.TokenAsync(site, "token-leaver", "write", "Author");

        await site.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<CmsUser>>();
            Assert.True((await users.DeleteAsync((await users.FindByIdAsync(userId))!)).Succeeded);
        });

        Assert.Equal(0, await site.InScopeAsync(sp => sp.GetRequiredService<CmsDbContext>().Set<ApiToken>().CountAsync(t => t.UserId == userId)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await ApiClients.WithToken(site, token).GetAsync("/api/content/" + ApiClients.SeedId)).StatusCode);
    }

    [Fact]
    public async Task TheSignInCookie_IsNotAnApiCredential()
    {
        await Accounts.EnsureUserAsync(site, "cookie-editor", "Editor");
        var browser = await Accounts.SignedInClientAsync(site, "cookie-editor");

        var write = await browser.PostAsync("/api/content", ApiClients.Json(ApiClients.NewPost("Written With A Cookie")));

        Assert.Equal(HttpStatusCode.Unauthorized, write.StatusCode);
    }
}
