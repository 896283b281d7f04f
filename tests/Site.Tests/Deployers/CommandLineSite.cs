using Site.Tests.Infrastructure;

namespace Site.Tests.Deployers;

/// <summary>A site set up once through <c>dotnet run --project src/Site -- setup …</c> (the README's example), its data folder in temp.</summary>
public sealed class CommandLineSite : IAsyncLifetime
{
    private readonly TempFolder _appData = new();

    /// <summary>What every command of the tests gets: the site's data folder, as a deployer sets Cms__AppData.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["Cms__AppData"] = _appData.Path };

    public async Task InitializeAsync()
    {
        var run = await SiteCommand.DotnetRunAsync(SiteCommand.RepositoryRoot, Environment,
            "setup", "--site-name", "News Commentary", "--base-url", "http://localhost:5000", "--admin-user", "admin", "--admin-email", "admin@example.com", "--admin-password", "a long pass phrase");
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    public Task DisposeAsync()
    {
        _appData.Dispose();
        return Task.CompletedTask;
    }
}
