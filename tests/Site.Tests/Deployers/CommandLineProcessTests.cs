using System.Text.Json.Nodes;
using Site.Tests.Infrastructure;

namespace Site.Tests.Deployers;

/// <summary>
/// The real command line in a child process, as a user types it: <c>dotnet run --project src/Site -- …</c>
/// from the repository root and from another folder, and <c>dotnet Site.dll …</c> from anywhere. File
/// arguments are read where the user stands; the site's own files stay in its content root.
/// </summary>
public sealed class CommandLineProcessTests(CommandLineSite site) : IClassFixture<CommandLineSite>
{
    private static string Root => SiteCommand.RepositoryRoot;

    [Fact]
    public async Task RecipesValidate_ReadsARelativePath_FromTheRepositoryRoot()
    {
        var run = await SiteCommand.DotnetRunAsync(Root, site.Environment, "recipes", "validate", "recipes/member-only-comments.recipe.json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("The recipe is valid.", run.Out.Trim());
    }

    [Fact]
    public async Task Export_ToStandardOutput_IsOnlyTheRecipe_FromTheRepositoryRoot()
    {
        var run = await SiteCommand.DotnetRunAsync(Root, site.Environment, "export");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Error);
        Assert.Equal("News Commentary", ((JsonNode.Parse(run.Out)!["steps"] as JsonArray)!.Select(s => s!["SiteName"]).OfType<JsonNode>().Single()).GetValue<string>());
    }

    [Fact]
    public async Task RecipesApplyAndExportOut_UseTheFolderTheUserStandsIn_ThroughDotnetRun()
    {
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.Path, "my.recipe.json"), PagesLikeRecipe("RunHere"));

        var validate = await SiteCommand.DotnetRunAsync(folder.Path, site.Environment, "recipes", "validate", "my.recipe.json");
        var apply = await SiteCommand.DotnetRunAsync(folder.Path, site.Environment, "recipes", "apply", "my.recipe.json");
        var export = await SiteCommand.DotnetRunAsync(folder.Path, site.Environment, "export", "--out", "site.recipe.json");

        Assert.True(validate.ExitCode == 0, validate.ToString());
        Assert.True(apply.ExitCode == 0, apply.ToString());
        Assert.True(export.ExitCode == 0, export.ToString());
        var written = Path.Combine(folder.Path, "site.recipe.json");
        Assert.Contains($"to {written}.", export.Out, StringComparison.Ordinal);
        Assert.Contains("RunHere", File.ReadAllText(written), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(SiteCommand.SiteProjectFolder, "site.recipe.json")));
        Assert.False(Directory.Exists(Path.Combine(folder.Path, "App_Data")));
    }

    [Fact]
    public async Task SiteDll_ReadsAndWritesWhereTheUserStands_AndExportsJsonToStandardOutput()
    {
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.Path, "mine.recipe.json"), PagesLikeRecipe("DllHere"));

        var apply = await SiteCommand.DotnetDllAsync(SiteCommand.SiteDll, folder.Path, site.Environment, "recipes", "apply", "mine.recipe.json");
        var toFile = await SiteCommand.DotnetDllAsync(SiteCommand.SiteDll, folder.Path, site.Environment, "export", "--out", "out.json");
        var toStdout = await SiteCommand.DotnetDllAsync(SiteCommand.SiteDll, folder.Path, site.Environment, "export");

        Assert.True(apply.ExitCode == 0, apply.ToString());
        Assert.True(toFile.ExitCode == 0, toFile.ToString());
        Assert.Contains("DllHere", File.ReadAllText(Path.Combine(folder.Path, "out.json")), StringComparison.Ordinal);
        Assert.True(toStdout.ExitCode == 0, toStdout.ToString());
        Assert.NotNull(JsonNode.Parse(toStdout.Out));
    }

    /// <summary>A copy of the build elsewhere (as a deployment is) keeps its own folder as content root, wherever the command is typed.</summary>
    [Fact]
    public async Task CopiedSite_KeepsItsAppDataBesideIt_WhenRunFromAnotherFolder()
    {
        using var copy = new TempFolder();
        using var elsewhere = new TempFolder();
        CopyFolder(Path.GetDirectoryName(SiteCommand.SiteDll)!, copy.Path);
        var dll = Path.Combine(copy.Path, "Site.dll");
        var noAppData = new Dictionary<string, string>();

        var setup = await SiteCommand.DotnetDllAsync(dll, elsewhere.Path, noAppData, [.. CliSite.SetupArgs]);
        var export = await SiteCommand.DotnetDllAsync(dll, elsewhere.Path, noAppData, "export");

        Assert.True(setup.ExitCode == 0, setup.ToString());
        Assert.True(File.Exists(Path.Combine(copy.Path, "App_Data", "site.json")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(elsewhere.Path));
        Assert.True(export.ExitCode == 0, export.ToString());
        Assert.NotNull(JsonNode.Parse(export.Out));
    }

    [Theory]
    [InlineData("nosuchverb", "--help")]
    [InlineData("import", "blogger", "FILE")]
    [InlineData("Export")]
    public async Task UnknownVerb_ListsTheVerbs_AndExits1_WithoutStartingTheSite(params string[] args)
    {
        var run = await SiteCommand.DotnetRunAsync(Root, site.Environment, args);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("", run.Out);
        Assert.Contains($"'{args[0]}' is not a verb", run.Error, StringComparison.Ordinal);
        foreach (var verb in new[] { "setup", "recipes", "export", "features", "users" })
        {
            Assert.Contains($"  {verb} ", run.Error, StringComparison.Ordinal);
        }
    }

    /// <summary>No argument, or the host's own options, start the site; its content root stays src/Site wherever dotnet run is typed.</summary>
    [Theory]
    [InlineData(false, "--urls")]
    [InlineData(true)]
    [InlineData(true, "--Logging:LogLevel:Default=Information", "--environment", "Production")]
    public async Task HostOptions_StartTheSite_WithItsContentRootInSrcSite(bool fromAnotherFolder, params string[] options)
    {
        using var folder = new TempFolder();
        var url = $"http://localhost:{TempFolder.FreePort()}"; // the README sets the site up at http://localhost:5000; the host name is what counts
        var environment = new Dictionary<string, string>(site.Environment) { ["ASPNETCORE_URLS"] = url };
        string[] args = options is ["--urls"] ? ["--urls", url] : options;

        using var server = SiteCommand.StartDotnetRun(fromAnotherFolder ? folder.Path : Root, environment, args);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(url) };
        var response = await WaitForAnswerAsync(client, server);

        Assert.True(response is { StatusCode: System.Net.HttpStatusCode.OK }, server.Output);
        Assert.Contains($"Content root path: {SiteCommand.SiteProjectFolder}", server.Output, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage?> WaitForAnswerAsync(HttpClient client, RunningCommand server)
    {
        for (var deadline = DateTime.UtcNow.AddMinutes(1); DateTime.UtcNow < deadline && !server.HasExited; await Task.Delay(250))
        {
            try
            {
                return await client.GetAsync("/");
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
        }

        return null;
    }

    private static string PagesLikeRecipe(string typeName) => $$"""
        {
          "name": "{{typeName}}",
          "steps": [
            { "name": "ContentDefinition", "ContentTypes": [ { "Name": "{{typeName}}", "DisplayName": "{{typeName}}", "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" } ] } ], "ContentParts": [] }
          ]
        }
        """;

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
