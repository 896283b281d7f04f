using System.Net;
using Cms.Settings;
using Microsoft.Extensions.DependencyInjection;
using Site.Tests.Infrastructure;
using Site.Tests.Modules.Users;
using static Site.Tests.Modules.Comments.Members;

namespace Site.Tests.Security;

/// <summary>A site set up before the public address existed: its settings have none, and the host configures none.</summary>
public sealed class NoBaseUrlSite : SecuritySite
{
    public NoBaseUrlSite() => Settings.Remove("Cms:AllowedHosts");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await InScopeAsync(sp => sp.GetRequiredService<ISiteService>().UpdateAsync(s => s.BaseUrl = ""));
    }
}

/// <summary>The same old site, whose host now sets Cms__BaseUrl.</summary>
public sealed class ConfiguredBaseUrlSite : SecuritySite
{
    public ConfiguredBaseUrlSite() => Settings["Cms:BaseUrl"] = "https://configured.example";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await InScopeAsync(sp => sp.GetRequiredService<ISiteService>().UpdateAsync(s => s.BaseUrl = ""));
    }
}

/// <summary>
/// Issue 10, point 1, upgrade: a site without a public address keeps serving, but never writes a request's
/// Host: links are root-relative, mail with links is not sent, and the admin says what to set.
/// </summary>
public sealed class NoBaseUrlTests(NoBaseUrlSite site) : IClassFixture<NoBaseUrlSite>
{
    [Fact]
    public async Task PagesAndFeeds_AreServed_WithoutEverWritingTheHostAsked()
    {
        var forged = site.ClientFor("https://evil.example");

        foreach (var path in new[] { "/", "/2020/09/11/sochi-meeting", "/rss.xml", "/atom.xml", "/sitemap.xml", "/robots.txt", "/admin" })
        {
            var response = await forged.GetAsync(path);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{path}: {response.StatusCode}");
            Assert.DoesNotContain("evil.example", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.DoesNotContain("evil.example", response.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        }

        var (_, post) = await Html.GetAsync(forged, "/2020/09/11/sochi-meeting");
        Assert.Equal("/2020/09/11/sochi-meeting", post.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task ForgotPassword_SendsNoLink_AndTheAdminIsToldWhatToSet()
    {
        var name = Browser.NewName("forgetful");
        await Browser.CreateUserAsync(site, name, Accounts.Password);

        var response = await Accounts.PostFormAsync(site.ClientFor(), "/account/forgot-password", "/account/forgot-password", new Dictionary<string, string> { ["Email"] = $"{name}@example.org" });
        var admin = await site.SignedInAsync(SiteFactory.AdminUserName, SiteFactory.AdminPassword);
        var (_, dashboard) = await Html.GetAsync(admin, "/admin");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(MailTo(site, $"{name}@example.org"));
        Assert.StartsWith("This site has no public address (base URL) yet", dashboard.QuerySelector(".notice-error")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.NotNull(dashboard.QuerySelector(".notice-error a[href='/admin/settings/site']"));
    }

    [Fact]
    public async Task Invitation_IsRefused_UntilTheAddressIsSet()
    {
        await site.SettingsAsync();
        var admin = await site.SignedInAsync(SiteFactory.AdminUserName, SiteFactory.AdminPassword);
        var address = NewName("invitee") + "@example.org";

        var response = await Accounts.PostFormAsync(admin, "/admin/members/invitations", "/admin/members/invitations", new Dictionary<string, string> { ["Email"] = address });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Set the site's public address (base URL) on the site settings page first: the invitation link is made from it.",
            Browser.ErrorFor(await Browser.PageAsync(response), "Email"));
        Assert.Empty(MailTo(site, address));
    }
}

/// <summary>Cms__BaseUrl gives an old site its address without touching its settings, and it wins over them.</summary>
public sealed class ConfiguredBaseUrlTests(ConfiguredBaseUrlSite site) : IClassFixture<ConfiguredBaseUrlSite>
{
    [Fact]
    public async Task ConfiguredAddress_IsUsed_AndOtherHostsGet400()
    {
        var there = site.ClientFor("https://configured.example");

        var robots = await there.GetStringAsync("/robots.txt");
        var forged = await site.ClientFor(SecuritySite.Origin).GetAsync("/robots.txt");

        Assert.Contains("Sitemap: https://configured.example/sitemap.xml", robots, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var admin = await Browser.SignInAsync(there, SiteFactory.AdminUserName, SiteFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        var (_, page) = await Html.GetAsync(there, "/admin/settings/site");
        Assert.Contains("Set by the host's configuration (Cms__BaseUrl): https://configured.example is used", page.QuerySelector("#base-url-hint")!.TextContent, StringComparison.Ordinal);
    }
}
