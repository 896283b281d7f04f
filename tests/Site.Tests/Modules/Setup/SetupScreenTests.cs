using System.Net;
using Cms.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.Setup;

/// <summary>The first-run setup screen on a site that is not set up yet.</summary>
public sealed class SetupScreenTests : IDisposable
{
    private readonly UnsetSiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task FirstRequest_GoesToTheSetupScreen()
    {
        var reader = _site.CreateReader();

        var response = await reader.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/setup", response.Headers.Location!.OriginalString);
        var (page, document) = await Html.GetAsync(reader, "/setup");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        foreach (var field in new[] { "SiteName", "TimeZoneId", "RecipeName", "DatabaseProvider", "ConnectionString", "TablePrefix", "AdminUserName", "AdminEmail", "AdminPassword", "PasswordConfirmation" })
        {
            Assert.NotNull(document.QuerySelector($"[name='Request.{field}']"));
        }

        Assert.Contains(document.QuerySelectorAll("select[name='Request.RecipeName'] option"), o => o.GetAttribute("value") == "NewsCommentary");
    }

    [Fact]
    public async Task Post_WithBadValues_NamesEachProblem_AndWritesNothing()
    {
        var reader = _site.CreateReader();
        var (_, form) = await Html.GetAsync(reader, "/setup");

        var response = await reader.PostAsync("/setup", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Html.AntiforgeryToken(form),
            ["Request.SiteName"] = new string('x', 71),
            ["Request.TimeZoneId"] = "Mars/Olympus_Mons",
            ["Request.RecipeName"] = "NoSuchRecipe",
            ["Request.DatabaseProvider"] = "Oracle",
            ["Request.AdminUserName"] = "bad name!",
            ["Request.AdminEmail"] = "not-an-email",
            ["Request.AdminPassword"] = "short",
            ["Request.PasswordConfirmation"] = "short",
        }));
        var page = Html.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string ErrorFor(string field) => page.QuerySelector($"[data-valmsg-for='Request.{field}']")!.TextContent;
        Assert.Contains("at most 70 characters", ErrorFor("SiteName"));
        Assert.Contains("Mars/Olympus_Mons", ErrorFor("TimeZoneId"));
        Assert.Contains("not a setup recipe", ErrorFor("RecipeName"));
        Assert.Contains("Oracle", ErrorFor("DatabaseProvider"));
        Assert.Contains("user name", ErrorFor("AdminUserName"));
        Assert.Contains("e-mail", ErrorFor("AdminEmail"));
        Assert.Contains("12 characters", ErrorFor("AdminPassword"));
        Assert.False(File.Exists(Path.Combine(_site.AppData, "site.json")));
        Assert.False(File.Exists(Path.Combine(_site.AppData, "site.db")));
    }

    [Fact]
    public async Task Post_WithMismatchedPasswords_IsRefused()
    {
        var reader = _site.CreateReader();
        var (_, form) = await Html.GetAsync(reader, "/setup");

        var response = await reader.PostAsync("/setup", ValidForm(form, confirmation: "a-different-password"));

        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("not the same", page.QuerySelector("[data-valmsg-for='Request.PasswordConfirmation']")!.TextContent);
        Assert.False(File.Exists(Path.Combine(_site.AppData, "site.json")));
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRefused_AndWritesNothing()
    {
        var reader = _site.CreateReader();
        await reader.GetAsync("/setup");
        var form = ValidForm(null, confirmation: null);

        var response = await reader.PostAsync("/setup", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(File.Exists(Path.Combine(_site.AppData, "site.json")));
    }

    [Fact]
    public async Task Post_WithGoodValues_SetsTheSiteUp_WithAHashedAdminPassword()
    {
        var reader = _site.CreateReader();
        var (_, form) = await Html.GetAsync(reader, "/setup");

        var response = await reader.PostAsync("/setup", ValidForm(form, confirmation: null));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location!.OriginalString);
        Assert.True(File.Exists(Path.Combine(_site.AppData, "site.json")));
        Assert.True(File.Exists(Path.Combine(_site.AppData, "site.db")));
        var home = await reader.GetStringAsync("/");
        Assert.Contains("My Commentary", home);
        Assert.Contains("Sochi Meeting", home);
        await _site.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<CmsUser>>();
            var admin = await users.FindByNameAsync("editor-in-chief");
            Assert.NotNull(admin);
            Assert.NotEqual("a-long-enough-password", admin.PasswordHash);
            Assert.True(await users.CheckPasswordAsync(admin, "a-long-enough-password"));
            Assert.True(await users.IsInRoleAsync(admin, StandardRoles.Administrator));
        });
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/setup")).StatusCode);
    }

    /// <summary>Setup ends on the dashboard, signed in, told the site is ready, with the ways on (WordPress shows a sign-in link instead; Orchard goes home).</summary>
    [Fact]
    public async Task Post_WithGoodValues_SignsTheAdministratorIn_AndSaysTheSiteIsReady()
    {
        var reader = _site.CreateReader();
        var (_, form) = await Html.GetAsync(reader, "/setup");

        var response = await reader.PostAsync("/setup", ValidForm(form, confirmation: "a-long-enough-password"));
        var (dashboard, page) = await Html.GetAsync(reader, response.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Equal("Dashboard", page.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Contains("editor-in-chief", page.QuerySelector(".admin-user")!.TextContent, StringComparison.Ordinal);
        var notice = page.QuerySelector("main .notice-success[role='status']")!;
        Assert.StartsWith("Your site “My Commentary” is ready, and you are signed in as editor-in-chief.", notice.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(["/", "/admin/contents/new/NewsCommentary"], notice.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["View your site", "Write your first post"], notice.QuerySelectorAll("a").Select(a => a.TextContent.Trim()));
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/admin/contents/new/NewsCommentary")).StatusCode);

        // The message is said once.
        var (_, again) = await Html.GetAsync(reader, "/admin");
        Assert.Null(again.QuerySelector("main .notice-success"));
    }

    private static FormUrlEncodedContent ValidForm(AngleSharp.Dom.IDocument? form, string? confirmation)
    {
        var values = new Dictionary<string, string>
        {
            ["Request.SiteName"] = "My Commentary",
            ["Request.TimeZoneId"] = "Europe/London",
            ["Request.BaseUrl"] = "http://localhost",
            ["Request.RecipeName"] = "NewsCommentary",
            ["Request.DatabaseProvider"] = "Sqlite",
            ["Request.AdminUserName"] = "editor-in-chief",
            ["Request.AdminEmail"] = "chief@example.org",
            ["Request.AdminPassword"] = "a-long-enough-password",
            ["Request.PasswordConfirmation"] = confirmation ?? "a-long-enough-password",
        };
        if (form is not null)
        {
            values["__RequestVerificationToken"] = Html.AntiforgeryToken(form);
        }

        return new FormUrlEncodedContent(values);
    }
}
