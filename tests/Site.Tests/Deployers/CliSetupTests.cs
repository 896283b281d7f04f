using System.Text.Json.Nodes;

namespace Site.Tests.Deployers;

/// <summary>The command line's help, its answers before setup, and the setup verb.</summary>
public sealed class CliSetupTests
{
    [Fact]
    public async Task Help_ListsEveryVerb_WithExitCode0()
    {
        await using var site = new CliSite();

        var run = await site.RunAsync("--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var verb in new[] { "setup", "recipes", "export", "features", "users" })
        {
            Assert.Contains(verb, run.Out, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("setup")]
    [InlineData("recipes", "list")]
    [InlineData("recipes", "validate")]
    [InlineData("recipes", "apply")]
    [InlineData("export")]
    [InlineData("features", "list")]
    [InlineData("features", "enable")]
    [InlineData("features", "disable")]
    [InlineData("users", "create")]
    [InlineData("users", "list")]
    [InlineData("users", "add-role")]
    [InlineData("users", "remove-role")]
    public async Task Help_DescribesVerbWithAnExample(params string[] verb)
    {
        await using var site = new CliSite();

        var run = await site.RunAsync([.. verb, "--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Example:", run.Out, StringComparison.Ordinal);
        Assert.Contains("Usage:", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownArgument_Exits1_WithMessageOnStderr()
    {
        await using var site = new CliSite();

        var run = await site.RunAsync("recipes", "frobnicate");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("frobnicate", run.Error, StringComparison.Ordinal);

        // The help that follows the error is for the user to read, not a result: stdout stays empty.
        Assert.Contains("validate <FILE>", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }

    [Theory]
    [InlineData("recipes", "validate", "NewsCommentary")]
    [InlineData("recipes", "apply", "NewsCommentary")]
    [InlineData("recipes", "apply", "NewsCommentary", "--dry-run")]
    [InlineData("export")]
    [InlineData("features", "list")]
    [InlineData("features", "enable", "Recipes")]
    [InlineData("users", "list")]
    [InlineData("users", "create", "ed", "--email", "ed@example.com", "--password", "a long pass phrase")]
    public async Task Verb_Exits2_WhenSiteIsNotSetUp(params string[] args)
    {
        await using var site = new CliSite();

        var run = await site.RunAsync(args);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("not set up", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Setup_Exits1AndWritesNothing_WhenValuesAreInvalid()
    {
        await using var site = new CliSite();

        var run = await site.RunAsync("setup", "--site-name", "", "--admin-user", "admin", "--admin-email", "not-an-email", "--admin-password", "short", "--time-zone", "Mars/Olympus");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("--site-name: The site name is required.", run.Error, StringComparison.Ordinal);
        Assert.Contains("--admin-email:", run.Error, StringComparison.Ordinal);
        Assert.Contains("--admin-password: The password needs at least 12 characters.", run.Error, StringComparison.Ordinal);
        Assert.Contains("--time-zone:", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(site.AppData, "site.json")));
    }

    [Fact]
    public async Task Setup_SetsSiteUp_AndRefusesASecondTimeWithExit2()
    {
        await using var site = new CliSite();

        var first = await site.SetUpAsync();
        var second = await site.RunAsync(CliSite.SetupArgs);

        Assert.Contains("The site 'CLI Site' is set up with recipe NewsCommentary", first.Out, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 2, second.ToString());
        Assert.Contains("already set up", second.Error, StringComparison.Ordinal);
        var list = await site.RunAsync("users", "list");
        Assert.Contains("admin <admin@example.com>: Administrator", list.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Setup_ReadsConfiguration_ForValuesNotGivenAsOptions()
    {
        await using var site = new CliSite();

        // --Section:Key=value is configuration, as for the web host; options win over it.
        var run = await site.RunAsync("setup", "--Setup:SiteName=From Configuration", "--Setup:BaseUrl=https://configured.example.com", "--Setup:AdminUserName=configured",
            "--Setup:AdminEmail=configured@example.com", "--Setup:AdminPassword=a long configured pass", "--admin-user", "chosen");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("'From Configuration'", run.Out, StringComparison.Ordinal);
        var users = await site.RunAsync("users", "list");
        Assert.Contains("chosen <configured@example.com>: Administrator", users.Out, StringComparison.Ordinal);
        var export = JsonNode.Parse((await site.RunAsync("export")).Out)!;
        Assert.Equal("From Configuration", export["steps"]![2]!["SiteName"]!.GetValue<string>());
    }

    /// <summary>dotnet run starts where the user stands; a relative SQLite file still belongs to the site (its content root), as App_Data does.</summary>
    [Fact]
    public async Task Setup_KeepsARelativeSqliteFile_InTheContentRoot()
    {
        await using var site = new CliSite();
        using var contentRoot = new Site.Tests.Infrastructure.TempFolder();
        var file = Path.Combine(contentRoot.Path, "relative-site.db");

        var run = await site.RunAsync([.. CliSite.SetupArgs, "--connection-string", "Data Source=relative-site.db", $"--contentRoot={contentRoot.Path}"]);
        var list = await site.RunAsync("users", "list");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(File.Exists(file));
        Assert.Contains(file, JsonNode.Parse(File.ReadAllText(Path.Combine(site.AppData, "site.json")))!["ConnectionString"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains("admin <admin@example.com>: Administrator", list.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Setup_Exits2AndWritesNothing_WhenDatabaseServerIsUnreachable()
    {
        await using var site = new CliSite();

        var run = await site.RunAsync([.. CliSite.SetupArgs, "--database-provider", "Postgres",
            "--connection-string", "Host=127.0.0.1;Port=1;Database=site;Username=site;Password=x;Timeout=3"]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("--connection-string: The database could not be reached", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(site.AppData, "site.json")));
    }

    [Fact]
    public async Task Verb_Exits2_WhenDatabaseFileIsGone()
    {
        await using var site = new CliSite();
        await site.SetUpAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(site.Database);

        var run = await site.RunAsync("features", "list");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("does not exist", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verb_Exits2_WhenDatabaseServerIsUnreachable()
    {
        await using var site = new CliSite();

        // Nothing listens on port 1 of this machine: the connection is refused at once.
        File.WriteAllText(Path.Combine(site.AppData, "site.json"),
            """{ "DatabaseProvider": "Postgres", "ConnectionString": "Host=127.0.0.1;Port=1;Database=site;Username=site;Password=x;Timeout=3", "TablePrefix": "" }""");

        var run = await site.RunAsync("users", "list");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("cannot be reached", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }
}
