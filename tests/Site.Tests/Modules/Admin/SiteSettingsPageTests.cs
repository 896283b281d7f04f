using System.Net;
using Cms.Settings;
using Microsoft.Extensions.DependencyInjection;
using Site.Tests.Infrastructure;
using Site.Tests.Modules.Users;

namespace Site.Tests.Modules.Admin;

/// <summary>Settings › Site: description, time zone and page size beside the name and address; checked; cached pages follow at once.</summary>
public sealed class SiteSettingsPageTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private const string Page = "/admin/settings/site";

    [Fact]
    public async Task Saving_StoresTheSettingsTheRecipeStepWrites_AndCachedPagesShowThemAtOnce()
    {
        var admin = await Browser.AdminAsync(site);
        var reader = site.CreateReader();
        var before = await reader.GetStringAsync("/");
        Assert.DoesNotContain("Commentary from the Black Sea coast", before, StringComparison.Ordinal);

        var saved = await Browser.SubmitAsync(admin, Page, Page,
            ("SiteName", "Coast Notes"), ("BaseUrl", site.BaseUrl), ("SiteDescription", "Commentary from the Black Sea coast"),
            ("TimeZoneId", "Europe/Istanbul"), ("PageSize", "3"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var settings = await site.InScopeAsync(sp => sp.GetRequiredService<ISiteService>().GetAsync());
        Assert.Equal(("Coast Notes", "Commentary from the Black Sea coast", "Europe/Istanbul", 3),
            (settings.SiteName, settings.SiteDescription, settings.TimeZoneId, settings.PageSize));
        var values = settings.ToRecipeValues();
        Assert.Equal("Europe/Istanbul", values["TimeZoneId"]!.GetValue<string>());
        var (_, home) = await Html.GetAsync(reader, "/");
        Assert.Equal("Coast Notes", home.QuerySelector(".site-title a")!.TextContent.Trim());
        Assert.Equal("Commentary from the Black Sea coast", home.QuerySelector(".site-footer .site-description")!.TextContent.Trim());
        var (_, form) = await Html.GetAsync(admin, Page);
        Assert.Equal("Europe/Istanbul", form.QuerySelector("input[name=TimeZoneId]")!.GetAttribute("value"));
        Assert.Equal("3", form.QuerySelector("input[name=PageSize]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task BadValues_AreNamedBesideTheirFields_AndNothingIsSaved()
    {
        var admin = await Browser.AdminAsync(site);
        var before = await DatabaseFingerprint.TakeAsync(site);

        var response = await Browser.SubmitAsync(admin, Page, Page,
            ("SiteName", "News Commentary"), ("BaseUrl", site.BaseUrl), ("SiteDescription", "Bell\u0007"),
            ("TimeZoneId", "Mars/Olympus_Mons"), ("PageSize", "abc"));
        var zero = await Browser.SubmitAsync(admin, Page, Page,
            ("SiteName", "News Commentary"), ("BaseUrl", site.BaseUrl), ("TimeZoneId", ""), ("PageSize", "0"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Browser.PageAsync(response);
        Assert.Contains("U+0007", Browser.ErrorFor(page, "SiteDescription"), StringComparison.Ordinal);
        Assert.Equal("“Mars/Olympus_Mons” is not a time zone this server knows: choose one from the list, e.g. Europe/London.", Browser.ErrorFor(page, "TimeZoneId"));
        Assert.Equal("Posts per page must be a whole number from 1 to 100.", Browser.ErrorFor(page, "PageSize"));
        Assert.Equal("Mars/Olympus_Mons", page.QuerySelector("input[name=TimeZoneId]")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
        var zeroPage = await Browser.PageAsync(zero);
        Assert.StartsWith("“” is not a time zone", Browser.ErrorFor(zeroPage, "TimeZoneId"), StringComparison.Ordinal);
        Assert.Equal("Posts per page must be a whole number from 1 to 100.", Browser.ErrorFor(zeroPage, "PageSize"));
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    [Fact]
    public async Task DefaultCommentPolicy_IsOfferedByTheCommentsModule_AndStoredInItsRecipeSection()
    {
        var admin = await Browser.AdminAsync(site);
        var (_, form) = await Html.GetAsync(admin, Page);
        var select = form.QuerySelector("select[name='CommentSettings.Moderation']")!;
        Assert.Equal(["None", "FirstTime", "All"], select.QuerySelectorAll("option").Select(o => o.GetAttribute("value")));
        Assert.NotNull(form.QuerySelector($"label[for='{select.Id}']"));

        var saved = await Browser.SubmitAsync(admin, Page, Page,
            ("SiteName", "News Commentary"), ("BaseUrl", site.BaseUrl), ("CommentSettings.Moderation", "All"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var settings = await site.InScopeAsync(sp => sp.GetRequiredService<ISiteService>().GetAsync());
        var section = settings.ToRecipeValues()["CommentSettings"]!;
        Assert.Equal("All", section["Moderation"]!.GetValue<string>());
        var (_, after) = await Html.GetAsync(admin, Page);
        Assert.Equal("All", after.QuerySelector("select[name='CommentSettings.Moderation'] option[selected]")!.GetAttribute("value"));
        var (_, comments) = await Html.GetAsync(admin, "/admin/settings/comments");
        Assert.Equal("All", comments.QuerySelector("select[name=Moderation] option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task UnknownCommentPolicy_IsNamedBesideItsField_AndNothingIsSaved()
    {
        var admin = await Browser.AdminAsync(site);
        var before = await DatabaseFingerprint.TakeAsync(site);

        var response = await Browser.SubmitAsync(admin, Page, Page,
            ("SiteName", "Renamed Meanwhile"), ("BaseUrl", site.BaseUrl), ("CommentSettings.Moderation", "Sometimes"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Browser.PageAsync(response);
        Assert.Equal("Choose which comments wait for a moderator: None, FirstTime or All.", Browser.ErrorFor(page, "CommentSettings.Moderation"));
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }
}
