using Cms.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Site.Tests.Infrastructure;

/// <summary>
/// The real site on a fresh SQLite file in its own temporary App_Data, set up unattended with the
/// NewsCommentary recipe (or left unset with <see cref="SetUp"/> false). One per test class.
/// </summary>
public class SiteFactory : WebApplicationFactory<Program>
{
    public const string AdminUserName = "admin";
    public const string AdminPassword = "correct-horse-battery";

    public SiteFactory()
    {
        AppData = Path.Combine(Path.GetTempPath(), "site-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(AppData);
    }

    public string AppData { get; }

    /// <summary>The site's own PostgreSQL database, when the suite runs on PostgreSQL.</summary>
    private string? _database;

    public QueryCounter Queries { get; } = new();

    /// <summary>How often the site looks for other nodes' changes; tests of several nodes make it quick.</summary>
    public int ClusterPollMilliseconds { get; init; } = 1000;

    /// <summary>A Redis server for the output cache, as a deployment of several nodes would configure.</summary>
    public string? RedisConfiguration { get; init; }

    /// <summary>The public address given at setup; the test client's requests go to http://localhost.</summary>
    public string BaseUrl { get; init; } = "http://localhost";

    /// <summary>More configuration, as the host's settings would give it (Cms:AllowedHosts, RateLimits:...).</summary>
    public Dictionary<string, string> Settings { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The rate limits' defaults are tested by tests that say so; the others sign in and post far more
    /// often than a person would, from one address, so they run with limits no test reaches.
    /// </summary>
    protected virtual bool DefaultRateLimits => false;

    /// <summary>False for a site that waits for the setup screen.</summary>
    protected virtual bool SetUp => true;

    /// <summary>Fills App_Data before the site starts (an old database, for instance).</summary>
    protected virtual void PrepareAppData()
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        PrepareAppData();
        builder.UseEnvironment("Production");
        builder.UseSetting("Cms:AppData", AppData);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Cms:ClusterPollMilliseconds", ClusterPollMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // The source link checker's loop would fetch the seed post's real source from the internet;
        // tests run its passes themselves (see NewsCommentary/LinkHealth).
        builder.UseSetting("NewsCommentary:LinkCheck:Enabled", "false");

        // A value a deployer gives recipes to read (configuration('Recipes:SiteName')).
        builder.UseSetting("Recipes:SiteName", "News Commentary");
        if (!DefaultRateLimits)
        {
            foreach (var rule in new[] { "SignIn", "Registration", "PasswordReset", "Invitation", "Comment" })
            {
                builder.UseSetting($"RateLimits:{rule}:PermitLimit", "100000");
                builder.UseSetting($"RateLimits:{rule}:AccountPermitLimit", "100000");
            }
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (RedisConfiguration is not null)
        {
            builder.UseSetting("Redis:Configuration", RedisConfiguration);
        }
        if (SetUp)
        {
            if (PostgresCluster.Enabled)
            {
                _database = PostgresCluster.Instance.CreateDatabase();
                builder.UseSetting("Setup:DatabaseProvider", "Postgres");
                builder.UseSetting("Setup:ConnectionString", PostgresCluster.Instance.ConnectionString(_database));
            }

            builder.UseSetting("Setup:SiteName", "News Commentary");
            builder.UseSetting("Setup:BaseUrl", BaseUrl);
            builder.UseSetting("Setup:RecipeName", "NewsCommentary");
            builder.UseSetting("Setup:AdminUserName", AdminUserName);
            builder.UseSetting("Setup:AdminEmail", "admin@example.com");
            builder.UseSetting("Setup:AdminPassword", AdminPassword);
        }

        builder.ConfigureServices(services => services.AddSingleton<IInterceptor>(Queries));
    }

    /// <summary>Runs work in a scope of the site's own services.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider);
    }

    public Task InScopeAsync(Func<IServiceProvider, Task> work)
        => InScopeAsync(async sp =>
        {
            await work(sp);
            return true;
        });

    public HttpClient CreateReader() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_database is not null)
        {
            PostgresCluster.Instance.DropDatabase(_database);
        }

        try
        {
            Directory.Delete(AppData, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only wastes temp space; it must not fail the run.
        }
    }
}

/// <summary>A site that has not been set up: requests go to the setup screen.</summary>
public sealed class UnsetSiteFactory : SiteFactory
{
    protected override bool SetUp => false;
}
