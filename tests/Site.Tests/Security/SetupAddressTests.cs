using System.Net;
using System.Text.Json.Nodes;
using Cms.Settings;
using Microsoft.Extensions.DependencyInjection;
using Site.Tests.Deployers;
using Site.Tests.Infrastructure;

namespace Site.Tests.Security;

/// <summary>Issue 10, point 1: the public address is asked at setup: the screen, unattended setup and the CLI.</summary>
public sealed class SetupAddressTests : IDisposable
{
    private readonly UnsetSiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task SetupScreen_AsksForTheAddress_RefusesABadOne_AndTheSiteThenAnswersOnlyThere()
    {
        var reader = _site.CreateReader();
        var (_, page) = await Html.GetAsync(reader, "/setup");
        Assert.Equal("http://localhost", page.QuerySelector("input[name='Request.BaseUrl']")!.GetAttribute("value"));

        var bad = await reader.PostAsync("/setup", Form(page, "https://news.example/blog?x=1"));
        var badPage = Html.Parse(await bad.Content.ReadAsStringAsync());
        Assert.Equal("The base URL is the site's address alone, without a path, query or user name: https://news.example.",
            badPage.QuerySelector("[data-valmsg-for='Request.BaseUrl']")!.TextContent.Trim());
        Assert.False(File.Exists(Path.Combine(_site.AppData, "site.json")));

        var good = await reader.PostAsync("/setup", Form(badPage, "https://News.Example/"));

        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal("https://news.example/admin", good.Headers.Location!.OriginalString);
        Assert.Equal("https://news.example", (await _site.InScopeAsync(sp => sp.GetRequiredService<ISiteService>().GetAsync())).BaseUrl);
        Assert.Equal(HttpStatusCode.BadRequest, (await reader.GetAsync("/")).StatusCode);
        var there = _site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://news.example") });
        Assert.Contains("Sochi Meeting", await there.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CliSetup_WithoutAnAddress_IsRefusedNamingTheOption_AndWithOne_StoresIt()
    {
        await using var cli = new CliSite();
        string[] withoutAddress = [.. CliSite.SetupArgs.Where((a, i) => a != "--base-url" && (i == 0 || CliSite.SetupArgs[i - 1] != "--base-url"))];

        var refused = await cli.RunAsync(withoutAddress);
        var ok = await cli.RunAsync([.. withoutAddress, "--base-url", "https://cli.example.com/"]);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("--base-url: The site's public address (base URL) is required, e.g. https://news.example.com", refused.Error, StringComparison.Ordinal);
        Assert.True(ok.ExitCode == 0, ok.ToString());
        var export = JsonNode.Parse((await cli.RunAsync("export")).Out)!;
        Assert.Contains(export["steps"]!.AsArray(), s => s?["BaseUrl"]?.GetValue<string>() == "https://cli.example.com");
    }

    [Fact]
    public void UnattendedSetup_WithoutAnAddress_StopsTheHost_NamingTheSetting()
    {
        using var site = new SiteFactory { BaseUrl = "" };

        var error = Assert.Throws<InvalidOperationException>(() => site.Services);

        Assert.Contains("Setup:BaseUrl: The site's public address (base URL) is required", error.Message, StringComparison.Ordinal);
    }

    private static FormUrlEncodedContent Form(AngleSharp.Dom.IDocument page, string baseUrl) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = Html.AntiforgeryToken(page),
        ["Request.SiteName"] = "Address Test",
        ["Request.BaseUrl"] = baseUrl,
        ["Request.TimeZoneId"] = "UTC",
        ["Request.RecipeName"] = "NewsCommentary",
        ["Request.DatabaseProvider"] = "Sqlite",
        ["Request.AdminUserName"] = "chief",
        ["Request.AdminEmail"] = "chief@example.org",
        ["Request.AdminPassword"] = "a-long-enough-password",
        ["Request.PasswordConfirmation"] = "a-long-enough-password",
    });
}
