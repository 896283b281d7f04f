using System.Net;
using System.Text.Json.Nodes;
using Cms.ContentDefinitions;
using Microsoft.Extensions.DependencyInjection;
using Site.Tests.Infrastructure;

namespace Site.Tests.Deployers;

/// <summary>The admin Recipes page: the list, the dry-run confirmation, applying, and the export download.</summary>
public sealed class RecipesAdminTests(RecipesSiteFactory site) : IClassFixture<RecipesSiteFactory>
{
    [Fact]
    public async Task RecipesPage_ListsAppliableRecipesWithTheirMetadata()
    {
        var (response, page) = await Html.GetAsync(await site.ClientAsAsync("admin"), "/admin/recipes");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = page.QuerySelectorAll("table.list tbody tr").Select(r => r.TextContent).ToList();
        var demo = Assert.Single(rows, r => r.Contains("Demo Notes", StringComparison.Ordinal));
        foreach (var text in new[] { "Adds the Note type and one note.", "Test Author", "2.1.0", "testing", "notes", "recipes/demo.recipe.json" })
        {
            Assert.Contains(text, demo, StringComparison.Ordinal);
        }

        Assert.Contains(rows, r => r.Contains("Pages", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.Contains("NewsCommentary", StringComparison.Ordinal) || r.Contains("HiddenOne", StringComparison.Ordinal));
        Assert.NotNull(page.QuerySelector("form[action='/admin/recipes/export']"));
    }

    [Fact]
    public async Task AdminMenu_HasRecipesAndImport_UnderConfiguration()
    {
        var (_, page) = await Html.GetAsync(await site.ClientAsAsync("admin"), "/admin");

        var group = page.QuerySelectorAll("nav.admin-menu h2").Single(h => h.TextContent == "Configuration");
        var links = group.NextElementSibling!.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/admin/recipes", links);
        Assert.Contains("/admin/import", links);
    }

    [Theory]
    [InlineData("/admin/recipes")]
    [InlineData("/admin/recipes/apply?name=Demo")]
    [InlineData("/admin/recipes/export")]
    [InlineData("/admin/import")]
    public async Task Pages_AreRefused_ToAnonymousAndToEditors(string url)
    {
        var anonymous = await (await site.ClientAsAsync(null)).GetAsync(url);
        var editor = await (await site.ClientAsAsync("recipes-editor")).GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/login", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, editor.StatusCode);
    }

    [Fact]
    public async Task ApplyPost_IsRefused_ToEditors_AndWritesNothing()
    {
        var editor = await site.ClientAsAsync("recipes-editor");
        var before = await DatabaseFingerprint.TakeAsync(site);

        var response = await editor.PostAsync("/admin/recipes/apply", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "Demo" }));

        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, response.StatusCode.ToString());
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    [Fact]
    public async Task ConfirmPage_ShowsTheDryRun_AndWritesNothing()
    {
        var before = await DatabaseFingerprint.TakeAsync(site);

        var (response, page) = await Html.GetAsync(await site.ClientAsAsync("admin"), "/admin/recipes/apply?name=Pages");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("content type created: Page", page.QuerySelector("ul.recipe-changes")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("form[action='/admin/recipes/apply'] button[type=submit]"));
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    [Fact]
    public async Task ConfirmPage_ShowsEveryErrorWithStepAndPath_AndNoApplyButton()
    {
        var (response, page) = await Html.GetAsync(await site.ClientAsAsync("admin"), "/admin/recipes/apply?name=BrokenOne");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = page.QuerySelectorAll("table.recipe-errors tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Contains(rows, r => r[0] == "0 (media)" && r[1] == "steps[0].name" && r[2].Contains("Orchard Core step", StringComparison.Ordinal));
        Assert.Contains(rows, r => r[0] == "1 (feature)" && r[1] == "steps[1].enable[0]" && r[2].Contains("NoSuchFeature", StringComparison.Ordinal));
        Assert.Null(page.QuerySelector("form[action='/admin/recipes/apply']"));
    }

    [Fact]
    public async Task Apply_AppliesTheRecipe_AndShowsWhatChanged()
    {
        var client = await site.ClientAsAsync("admin");

        var response = await Accounts.PostFormAsync(client, "/admin/recipes/apply?name=Demo", "/admin/recipes/apply", new Dictionary<string, string> { ["name"] = "Demo" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("The recipe is applied.", page.QuerySelector(".notice-success")!.TextContent, StringComparison.Ordinal);
        var changes = page.QuerySelector("ul.recipe-changes")!.TextContent;
        Assert.Contains("content type created: Note", changes, StringComparison.Ordinal);
        Assert.Contains("content item created: Note 'First Note' (demonote00000000000000001)", changes, StringComparison.Ordinal);
        Assert.NotNull(await site.InScopeAsync(sp => sp.GetRequiredService<IContentDefinitionManager>().GetTypeAsync("Note")));
    }

    [Theory]
    [InlineData("NewsCommentary")]
    [InlineData("HiddenOne")]
    [InlineData("NoSuchRecipe")]
    public async Task ConfirmPage_Answers404_ForSetupHiddenAndUnknownRecipes(string name)
    {
        var response = await (await site.ClientAsAsync("admin")).GetAsync($"/admin/recipes/apply?name={name}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Export_DownloadsTheSiteAsARecipe_AllOrOneType()
    {
        var client = await site.ClientAsAsync("admin");

        var all = await client.GetAsync("/admin/recipes/export");
        var posts = await client.GetAsync("/admin/recipes/export?type=NewsCommentary");
        var unknown = await client.GetAsync("/admin/recipes/export?type=NoSuchType");

        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Equal("application/json", all.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".recipe.json", all.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var recipe = JsonNode.Parse(await all.Content.ReadAsStringAsync())!;
        Assert.Equal("admin", recipe["author"]!.GetValue<string>());
        Assert.Equal("exported", recipe["tags"]![0]!.GetValue<string>());
        Assert.NotNull(recipe["exportedUtc"]);
        var data = JsonNode.Parse(await posts.Content.ReadAsStringAsync())!["steps"]![5]!["Data"]!.AsArray();
        Assert.All(data, item => Assert.Equal("NewsCommentary", item!["ContentType"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
