using System.Net;
using Cms.Modules;
using Microsoft.Extensions.DependencyInjection;
using Site.Tests.Infrastructure;
using Site.Tests.Modules.Users;

namespace Site.Tests.Modules.Admin;

/// <summary>Settings › Features: every feature with what it needs and what needs it; switched with the command line's rules (ManageFeatures).</summary>
public sealed class FeaturesPageTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private const string Page = "/admin/features";

    [Fact]
    public async Task Page_ListsEveryFeature_WithDescriptionDependenciesAndDependents()
    {
        var admin = await Browser.AdminAsync(site);

        var (response, page) = await Html.GetAsync(admin, Page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var catalog = site.Services.GetRequiredService<ModuleCatalog>();
        foreach (var feature in catalog.Features.Where(f => !f.IsTheme))
        {
            Assert.NotNull(page.QuerySelector($"tr#feature-{feature.Id}"));
        }

        var markdown = page.QuerySelector("tr#feature-Markdown")!.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Contains(catalog.Find("Markdown")!.Description, markdown[0]);
        Assert.Contains("Comments", markdown[2]);
        Assert.Contains("NewsCommentary", markdown[2]);
        var comments = page.QuerySelector("tr#feature-Comments")!.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal("Contents, Markdown, Users", comments[1]);
    }

    [Fact]
    public async Task DisablingANeededFeature_IsRefusedNamingTheDependent_AndEnablingBringsDependencies()
    {
        var admin = await Browser.AdminAsync(site);

        var refused = await Accounts.PostFormAsync(admin, Page, "/admin/features/Markdown/disable", new Dictionary<string, string>());
        var (_, afterRefusal) = await Html.GetAsync(admin, Page);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Matches("'Markdown' cannot be disabled because '(Comments|NewsCommentary)' needs it; disable '(Comments|NewsCommentary)' first.", afterRefusal.QuerySelector(".notice-error")!.TextContent);
        Assert.True(await EnabledAsync("Markdown"));

        try
        {
            foreach (var id in new[] { "Comments", "NewsCommentary", "Markdown" })
            {
                await Accounts.PostFormAsync(admin, Page, $"/admin/features/{id}/disable", new Dictionary<string, string>());
                Assert.False(await EnabledAsync(id), $"{id} is still enabled");
            }

            await Accounts.PostFormAsync(admin, Page, "/admin/features/Comments/enable", new Dictionary<string, string>());
            var (_, afterEnable) = await Html.GetAsync(admin, Page);
            Assert.True(await EnabledAsync("Comments"));
            Assert.True(await EnabledAsync("Markdown"));
            Assert.Contains("Markdown", afterEnable.QuerySelector(".notice-success")!.TextContent);
        }
        finally
        {
            await site.InScopeAsync(sp => sp.GetRequiredService<IFeatureManager>().EnableAsync(["Comments", "NewsCommentary", "Markdown"]));
        }
    }

    [Fact]
    public async Task OnlyManageFeatures_MaySeeOrSwitch_AndTheAdminCannotSwitchItselfOff()
    {
        var name = Browser.NewName("editor");
        await Browser.CreateUserAsync(site, name, Accounts.Password, "Editor");
        var editor = await Browser.SignedInAsync(site, name, Accounts.Password);
        var admin = await Browser.AdminAsync(site);

        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync(Page)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Accounts.PostFormAsync(editor, "/admin", "/admin/features/Search/disable", new Dictionary<string, string>())).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await site.CreateReader().GetAsync(Page)).StatusCode);
        Assert.True(await EnabledAsync("Search"));
        var noToken = await admin.PostAsync("/admin/features/Search/disable", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.True(await EnabledAsync("Search"));

        await Accounts.PostFormAsync(admin, Page, "/admin/features/Admin/disable", new Dictionary<string, string>());
        var (_, page) = await Html.GetAsync(admin, Page);
        Assert.Contains("from the command line", page.QuerySelector(".notice-error")!.TextContent);
        Assert.True(await EnabledAsync("Admin"));
    }

    private Task<bool> EnabledAsync(string id) => site.InScopeAsync(sp => sp.GetRequiredService<IFeatureManager>().IsEnabledAsync(id));
}
