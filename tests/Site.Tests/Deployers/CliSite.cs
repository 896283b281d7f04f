using Microsoft.Data.Sqlite;

namespace Site.Tests.Deployers;

/// <summary>
/// A data folder of its own in the temp directory; <see cref="SetUpAsync"/> sets a site up in it
/// through the command line's own setup verb. Deleted on dispose.
/// </summary>
public sealed class CliSite : IAsyncDisposable
{
    public const string AdminPassword = "correct-horse-battery";

    public static readonly string[] SetupArgs =
        ["setup", "--site-name", "CLI Site", "--base-url", "https://cli.example.com", "--admin-user", "admin", "--admin-email", "admin@example.com", "--admin-password", AdminPassword];

    public CliSite() => Directory.CreateDirectory(AppData);

    public string AppData { get; } = Path.Combine(Path.GetTempPath(), "site-tests", "cli-" + Guid.NewGuid().ToString("N"));

    public string Database => Path.Combine(AppData, "site.db");

    public Task<CliRun> RunAsync(params string[] args) => Cli.RunAsync(AppData, args);

    public async Task<CliRun> SetUpAsync()
    {
        var run = await RunAsync(SetupArgs);
        Assert.True(run.ExitCode == 0, run.ToString());
        return run;
    }

    /// <summary>Writes a recipe file into the data folder (deleted with it) and returns its path.</summary>
    public string WriteRecipe(string json)
    {
        var path = Path.Combine(AppData, $"recipe-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    /// <summary>Every stored row, to show that a command wrote nothing.</summary>
    public string Fingerprint()
    {
        SqliteConnection.ClearAllPools();
        return SqliteFingerprint.Take(Database);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(AppData, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only wastes temp space; it must not fail the run.
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>A site set up once through the command line, shared by one test class.</summary>
public sealed class SetUpCliSite : IAsyncLifetime
{
    public CliSite Site { get; } = new();

    public async Task InitializeAsync() => await Site.SetUpAsync();

    public async Task DisposeAsync() => await Site.DisposeAsync();
}
