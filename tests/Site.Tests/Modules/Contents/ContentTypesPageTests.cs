using System.Net;
using Cms.ContentDefinitions;
using Cms.Recipes.Export;
using Microsoft.Extensions.DependencyInjection;
using Site.Tests.Infrastructure;
using Site.Tests.Modules.Users;

namespace Site.Tests.Modules.Contents;

/// <summary>Content › Content types: types with their parts and settings; attach, change settings, remove (confirmed); written as the recipe step writes.</summary>
public sealed class ContentTypesPageTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private const string Type = "/admin/content-types/NewsCommentary";

    [Fact]
    public async Task List_ShowsEachTypeWithItsPartsInOrder()
    {
        var admin = await Browser.AdminAsync(site);

        var (response, page) = await Html.GetAsync(admin, "/admin/content-types");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = page.QuerySelector("tr#type-NewsCommentary")!.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.StartsWith("News Commentary", row[0]);
        Assert.StartsWith("TitlePart, AutoroutePart, QuotePart, AnalysisPart, SourceLinkPart", row[2]);
        var (_, typePage) = await Html.GetAsync(admin, Type);
        Assert.NotNull(typePage.QuerySelector("input[name='AutoroutePartSettings.Pattern']"));
    }

    [Fact]
    public async Task ChangingTheAutoroutePattern_IsStored_AndTheExportShowsIt()
    {
        var admin = await Browser.AdminAsync(site);
        const string pattern = "posts/{{ ContentItem.DisplayText | slugify }}";
        var before = await PatternAsync();
        try
        {
            var response = await Browser.SubmitAsync(admin, Type, $"{Type}/parts/AutoroutePart/settings",
                ("AutoroutePartSettings.Pattern", pattern), ("AutoroutePartSettings.AllowCustomPath", "true"), ("ContentTypePartSettings.Position", "1"));

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(pattern, await PatternAsync());
            var export = await site.InScopeAsync(sp => sp.GetRequiredService<IRecipeExporter>().ExportAsync());
            Assert.Contains(pattern, export.ToJsonString(), StringComparison.Ordinal);
        }
        finally
        {
            await Browser.SubmitAsync(admin, Type, $"{Type}/parts/AutoroutePart/settings",
                ("AutoroutePartSettings.Pattern", before), ("AutoroutePartSettings.AllowCustomPath", "true"), ("ContentTypePartSettings.Position", "1"));
        }
    }

    [Fact]
    public async Task RemovingAPartFromATypeWithItems_NeedsConfirming_ThenAttachingItBringsItBack()
    {
        var admin = await Browser.AdminAsync(site);
        var before = await DatabaseFingerprint.TakeAsync(site);

        var unconfirmed = await Browser.SubmitAsync(admin, Type, $"{Type}/parts/TagsPart/remove");
        var badAttach = await Browser.SubmitAsync(admin, Type, $"{Type}/parts", ("partName", "NoSuchPart"));

        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Contains("Tick the box to confirm", Browser.ErrorFor(await Browser.PageAsync(unconfirmed), "confirm-TagsPart"));
        Assert.Equal(HttpStatusCode.BadRequest, badAttach.StatusCode);
        Assert.Contains("“NoSuchPart” is not one this type can take", Browser.ErrorFor(await Browser.PageAsync(badAttach), "partName"));
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));

        var removed = await Browser.SubmitAsync(admin, Type, $"{Type}/parts/TagsPart/remove", ("confirm", "true"));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.DoesNotContain("TagsPart", await PartsAsync());

        var attached = await Browser.SubmitAsync(admin, Type, $"{Type}/parts", ("partName", "TagsPart"));
        Assert.Equal(HttpStatusCode.Redirect, attached.StatusCode);
        Assert.Contains("TagsPart", await PartsAsync());
    }

    [Fact]
    public async Task OnlyEditContentTypes_MaySeeOrChange()
    {
        var name = Browser.NewName("editor");
        await Browser.CreateUserAsync(site, name, Accounts.Password, "Editor");
        var editor = await Browser.SignedInAsync(site, name, Accounts.Password);
        var admin = await Browser.AdminAsync(site);

        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/admin/content-types")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Browser.SubmitAsync(editor, "/admin", $"{Type}/parts/TagsPart/remove", ("confirm", "true"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync($"{Type}/parts/TagsPart/remove", new FormUrlEncodedContent([KeyValuePair.Create("confirm", "true")]))).StatusCode);
        Assert.Contains("TagsPart", await PartsAsync());
    }

    private async Task<string> PatternAsync()
        => (await TypeAsync()).ContentTypePartDefinitionRecords.Single(p => p.Name == "AutoroutePart").GetSettings("AutoroutePartSettings")!["Pattern"]!.GetValue<string>();

    private async Task<List<string>> PartsAsync() => (await TypeAsync()).ContentTypePartDefinitionRecords.Select(p => p.Name).ToList();

    private async Task<ContentTypeDefinition> TypeAsync()
        => (await site.InScopeAsync(sp => sp.GetRequiredService<IContentDefinitionManager>().GetTypeAsync("NewsCommentary")))!;
}
