using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using Cms.ContentDefinitions;
using Microsoft.Extensions.DependencyInjection;
using Site.Tests.Infrastructure;

namespace Site.Tests.Deployers;

/// <summary>JSON import: pasted, a .json file, or a .zip holding Recipe.json; all or nothing, errors on the page.</summary>
public sealed class ImportAdminTests(RecipesSiteFactory site) : IClassFixture<RecipesSiteFactory>
{
    [Fact]
    public async Task PastedJson_IsImported_AndTheChangesShown()
    {
        var page = await PostAsync(json: TypeRecipe("PastedType"));

        Assert.Contains("The recipe is imported.", page.QuerySelector(".notice-success")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("content type created: PastedType", page.QuerySelector("ul.recipe-changes")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(await TypeAsync("PastedType"));
    }

    [Fact]
    public async Task DryRun_ShowsTheChanges_AndWritesNothing()
    {
        var before = await DatabaseFingerprint.TakeAsync(site);

        var page = await PostAsync(json: TypeRecipe("DryRunType"), dryRun: true);

        Assert.Contains("Dry run: nothing was written.", page.QuerySelector(".notice-success")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("content type created: DryRunType", page.QuerySelector("ul.recipe-changes")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    [Fact]
    public async Task InvalidRecipe_ShowsEveryErrorWithStepAndPath_AndWritesNothing()
    {
        const string json = """
            {
              "name": "Bad",
              "steps": [
                { "name": "ContentDefinition", "ContentTypes": [ { "Name": "BadType", "ContentTypePartDefinitionRecords": [ { "PartName": "HtmlBodyPart", "Name": "HtmlBodyPart" } ] } ] },
                { "name": "settings", "PageSize": 0 }
              ]
            }
            """;
        var before = await DatabaseFingerprint.TakeAsync(site);

        var page = await PostAsync(json: json);

        Assert.Contains("nothing was written", page.QuerySelector(".notice-error")!.TextContent, StringComparison.Ordinal);
        var errors = page.QuerySelector("table.recipe-errors")!.TextContent;
        Assert.Contains("steps[0].ContentTypes[0].ContentTypePartDefinitionRecords[0].PartName", errors, StringComparison.Ordinal);
        Assert.Contains("There is no part 'HtmlBodyPart'.", errors, StringComparison.Ordinal);
        Assert.Contains("steps[1].PageSize", errors, StringComparison.Ordinal);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
        Assert.Contains("BadType", page.QuerySelector("textarea[name=Json]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonFile_IsImported()
    {
        var page = await PostAsync(file: ("recipe.json", Encoding.UTF8.GetBytes(TypeRecipe("FileType"))));

        Assert.NotNull(page.QuerySelector(".notice-success"));
        Assert.NotNull(await TypeAsync("FileType"));
    }

    [Fact]
    public async Task ZipWithRecipeJson_IsImported()
    {
        var page = await PostAsync(file: ("deployment.zip", Zip(("Recipe.json", TypeRecipe("ZipType")), ("media/readme.txt", "not used"))));

        Assert.NotNull(page.QuerySelector(".notice-success"));
        Assert.NotNull(await TypeAsync("ZipType"));
    }

    [Theory]
    [InlineData("deployment.zip", "no Recipe.json")]
    [InlineData("recipe.txt", "Choose a .json file or a .zip")]
    public async Task WrongFile_IsRefusedWithAMessage(string fileName, string message)
    {
        var content = fileName.EndsWith(".zip", StringComparison.Ordinal) ? Zip(("other.json", "{}")) : Encoding.UTF8.GetBytes("{}");
        var before = await DatabaseFingerprint.TakeAsync(site);

        var page = await PostAsync(file: (fileName, content));

        Assert.Contains(message, page.QuerySelector(".notice-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    [Fact]
    public async Task Import_IsRefused_ToEditors()
    {
        var editor = await site.ClientAsAsync("import-editor");
        var before = await DatabaseFingerprint.TakeAsync(site);

        var response = await editor.PostAsync("/admin/import", new FormUrlEncodedContent(new Dictionary<string, string> { ["Json"] = TypeRecipe("EditorType") }));

        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, response.StatusCode.ToString());
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    /// <summary>Posts the import form as a browser would (multipart, with the page's antiforgery token).</summary>
    private async Task<IDocument> PostAsync(string? json = null, (string Name, byte[] Content)? file = null, bool dryRun = false)
    {
        var client = await site.ClientAsAsync("admin");
        var (_, form) = await Html.GetAsync(client, "/admin/import");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(Html.AntiforgeryToken(form)), "__RequestVerificationToken" },
            { new StringContent(json ?? ""), "Json" },
            { new StringContent(dryRun ? "true" : "false"), "DryRun" },
        };
        if (file is { } f)
        {
            var bytes = new ByteArrayContent(f.Content);
            bytes.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(bytes, "file", f.Name);
        }

        var response = await client.PostAsync("/admin/import", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Html.Parse(await response.Content.ReadAsStringAsync());
    }

    private Task<ContentTypeDefinition?> TypeAsync(string name)
        => site.InScopeAsync(sp => sp.GetRequiredService<IContentDefinitionManager>().GetTypeAsync(name));

    private static string TypeRecipe(string type) => $$"""
        { "name": "{{type}}", "steps": [ { "name": "ContentDefinition", "ContentTypes": [ { "Name": "{{type}}", "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" } ] } ] } ] }
        """;

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(archive.CreateEntry(name).Open());
                writer.Write(text);
            }
        }

        return stream.ToArray();
    }
}
