using System.Net;
using System.Text.Json.Nodes;
using Cms.Recipes;
using Cms.Recipes.Export;
using Microsoft.Extensions.DependencyInjection;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.Media;

/// <summary>Media travels in Orchard's "media" step: exported with the site, applied with the upload's checks.</summary>
public sealed class MediaRecipeTests(MediaSite site) : IClassFixture<MediaSite>
{
    [Fact]
    public async Task Export_CarriesEveryFile_AndAFreshSiteServesTheSameBytes()
    {
        await Accounts.EnsureUserAsync(site, "media-exporter", "Editor");
        var editor = await Accounts.SignedInClientAsync(site, "media-exporter");
        await MediaSite.UploadAsync(editor, TestImages.Png(), "exported.png", "image/png", "An exported picture", "export");
        var original = await site.CreateReader().GetByteArrayAsync("/media/export/exported.png");

        var export = await site.InScopeAsync(sp => sp.GetRequiredService<IRecipeExporter>().ExportAsync());

        var step = export["steps"]!.AsArray().OfType<JsonObject>().Single(s => (string?)s["name"] == "media");
        var entry = step["Files"]!.AsArray().OfType<JsonObject>().Single(f => (string?)f["TargetPath"] == "export/exported.png");
        Assert.Equal("An exported picture", (string?)entry["AltText"]);
        using var fresh = new SiteFactory();
        var result = await fresh.InScopeAsync(sp => sp.GetRequiredService<IRecipeExecutor>().ExecuteAsync(export));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        Assert.Equal(original, await fresh.CreateReader().GetByteArrayAsync("/media/export/exported.png"));
    }

    [Fact]
    public async Task SourcePath_ReadsAFileBesideTheRecipes_AndNothingAboveThem()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "recipes", "media-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, "logo.png"), TestImages.Png());
            var ok = await ApplyAsync(new JsonObject { ["TargetPath"] = "recipe/logo.png", ["SourcePath"] = $"{Path.GetFileName(folder)}/logo.png" });
            Assert.True(ok.Succeeded, string.Join(" ", ok.Errors));
            Assert.Equal(HttpStatusCode.OK, (await site.CreateReader().GetAsync("/media/recipe/logo.png")).StatusCode);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public static TheoryData<string, string, string> BadEntries => new()
    {
        { """{ "TargetPath": "../outside.png", "Base64": "PNG" }""", "Files[0]", "may not contain “..”" },
        { """{ "TargetPath": "a/logo.svg", "Base64": "PHN2Zz4=" }""", "Files[0]", "SVG images are refused" },
        { """{ "TargetPath": "a/fake.png", "Base64": "PHN2Zz48L3N2Zz4=" }""", "Files[0]", "SVG is refused" },
        { """{ "TargetPath": "a/photo.jpg", "Base64": "PNG" }""", "Files[0]", "its bytes are a PNG image" },
        { """{ "TargetPath": "a/bomb.png", "Base64": "BOMB" }""", "Files[0]", "the limit is 40 megapixels" },
        { """{ "TargetPath": "a/x.png", "Base64": "not base64!" }""", "Files[0]", "is not valid Base64" },
        { """{ "TargetPath": "a/x.png", "SourcePath": "../../site.db" }""", "Files[0]", "without “..”" },
        { """{ "TargetPath": "a/x.png" }""", "Files[0]", "exactly one of Base64 and SourcePath" },
    };

    [Theory]
    [MemberData(nameof(BadEntries))]
    public async Task BadFiles_AreValidationErrorsNamingTheEntry_AndNothingIsStored(string json, string path, string message)
    {
        var entry = JsonNode.Parse(json
            .Replace("\"PNG\"", $"\"{Convert.ToBase64String(TestImages.Png())}\"", StringComparison.Ordinal)
            .Replace("\"BOMB\"", $"\"{Convert.ToBase64String(TestImages.HugePngHeader(9000, 9000))}\"", StringComparison.Ordinal))!.AsObject();
        var before = await DatabaseFingerprint.TakeAsync(site);
        var files = site.StoredFiles();

        var result = await ApplyAsync(entry);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.StepName == "media" && e.Path.Contains(path, StringComparison.Ordinal) && e.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
        Assert.Equal(files, site.StoredFiles());
    }

    private Task<RecipeResult> ApplyAsync(JsonObject entry) => site.InScopeAsync(sp => sp.GetRequiredService<IRecipeExecutor>().ExecuteAsync(new JsonObject
    {
        ["name"] = "MediaTest",
        ["steps"] = new JsonArray(new JsonObject { ["name"] = "media", ["Files"] = new JsonArray(entry) }),
    }));
}
