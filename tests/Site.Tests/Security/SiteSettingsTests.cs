using System.Net;
using Cms.Settings;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Site.Tests.Infrastructure;
using Site.Tests.Modules.Users;

namespace Site.Tests.Security;

/// <summary>Issue 10, point 1: the public address is changed on the site settings page (ManageSettings).</summary>
public sealed class SiteSettingsTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private const string Page = "/admin/settings/site";

    [Fact]
    public async Task Address_ChangedToAnotherHost_NeedsConfirming_ThenTheSiteAnswersThereOnly()
    {
        var admin = await Browser.AdminAsync(site);
        var before = await DatabaseFingerprint.TakeAsync(site);

        var unconfirmed = await Browser.SubmitAsync(admin, Page, Page, ("SiteName", "News Commentary"), ("BaseUrl", "https://moved.example"));
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Equal("After saving, the site answers only at https://moved.example, not at localhost: tick the box to confirm that readers reach it there.",
            Browser.ErrorFor(await Browser.PageAsync(unconfirmed), "ConfirmMove"));
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));

        try
        {
            var moved = await Browser.SubmitAsync(admin, Page, Page, ("SiteName", "News Commentary"), ("BaseUrl", "https://moved.example"), ("ConfirmMove", "true"));

            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
            Assert.Equal("https://moved.example/admin/settings/site", moved.Headers.Location!.OriginalString);
            Assert.Equal(HttpStatusCode.BadRequest, (await site.CreateReader().GetAsync("/")).StatusCode);
            var there = site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://moved.example") });
            Assert.Contains("<link>https://moved.example/", await there.GetStringAsync("/rss.xml"), StringComparison.Ordinal);
        }
        finally
        {
            await site.InScopeAsync(sp => sp.GetRequiredService<ISiteService>().UpdateAsync(s => s.BaseUrl = site.BaseUrl));
        }
    }

    [Theory]
    [InlineData("ftp://files.example", "BaseUrl", "'ftp://files.example' is not an absolute http:// or https:// address such as https://news.example.com.")]
    [InlineData("http://localhost/blog", "BaseUrl", "The base URL is the site's address alone, without a path, query or user name: http://localhost.")]
    [InlineData("", "BaseUrl", "The site's public address (base URL) is required, e.g. https://news.example.com: links in e-mails, feeds and the sitemap are made from it.")]
    public async Task BadValues_AreNamed_AndNothingIsSaved(string baseUrl, string field, string message)
    {
        var admin = await Browser.AdminAsync(site);
        var before = await DatabaseFingerprint.TakeAsync(site);

        var response = await Browser.SubmitAsync(admin, Page, Page, ("SiteName", "News\u0007 Commentary"), ("BaseUrl", baseUrl));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Browser.PageAsync(response);
        Assert.Equal(message, Browser.ErrorFor(page, field));
        Assert.Contains("U+0007", Browser.ErrorFor(page, "SiteName"), StringComparison.Ordinal);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    [Fact]
    public async Task Page_Answers403WithoutManageSettings_AndSendsVisitorsToSignIn()
    {
        var name = Browser.NewName("editor");
        await Browser.CreateUserAsync(site, name, Accounts.Password, "Editor");
        var editor = await Browser.SignedInAsync(site, name, Accounts.Password);

        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync(Page)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Browser.SubmitAsync(editor, "/admin", Page, ("SiteName", "Mine"), ("BaseUrl", "https://mine.example"), ("ConfirmMove", "true"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await site.CreateReader().GetAsync(Page)).StatusCode);
        Assert.Equal("http://localhost", (await site.InScopeAsync(sp => sp.GetRequiredService<ISiteService>().GetAsync())).BaseUrl);
    }
}
