using System.Globalization;
using System.Net;
using Site.Tests.Infrastructure;

namespace Site.Tests.Reliability;

/// <summary>
/// A published site set up from the command line as a deployer does (<c>dotnet Site.dll setup</c>, then the
/// load recipe that lowers the comment rate limit), with 50 members made through the admin's user form.
/// On SQLite, or on a database of its own in PostgreSQL (the suite's cluster, or one the test stops and starts).
/// Not running between tests: each test starts it (<see cref="StartAsync"/>) and ends it its own way.
/// </summary>
public class LoadSite : IAsyncLifetime
{
    public const int MemberCount = 50;
    public const int ReaderCount = 20;
    public const string PostPath = "/2020/09/11/sochi-meeting";
    public const string AdminPassword = "a long pass phrase for load";
    private readonly TempFolder _appData = new();
    private string? _database;

    public string AppData => _appData.Path;

    public IReadOnlyList<MemberLogin> Members { get; private set; } = [];

    /// <summary>A member the load never signs in as, for a request a test sends beside the load.</summary>
    public MemberLogin Spare { get; private set; } = null!;

    public string PostId { get; private set; } = "";

    public bool OnPostgres => Postgres is not null || PostgresCluster.Enabled;

    /// <summary>A cluster of the test's own (the outage test stops it); null for the suite's, or for SQLite.</summary>
    protected virtual OwnPostgres? Postgres => null;

    /// <summary>What every run of the site and its command line gets: the data folder, quiet logs, no link checks.</summary>
    public virtual IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["Cms__AppData"] = AppData,
        ["Logging__LogLevel__Default"] = "Warning",
        ["NewsCommentary__LinkCheck__Enabled"] = "false",

        // 50 members sign in and post from one loopback address: the per-address and per-account limits
        // (security.md) would answer 429 to most of them. The site's own comment rule (the recipe) stays.
        ["RateLimits__Enabled"] = "false",
    };

    public virtual async Task InitializeAsync()
    {
        var setup = new Dictionary<string, string>(Environment)
        {
            ["Setup__SiteName"] = "Load",

            // The port changes with every start: each run of the site is given its address (Cms__BaseUrl, SiteProcess).
            ["Setup__BaseUrl"] = "http://127.0.0.1",
            ["Setup__RecipeName"] = "NewsCommentary",
            ["Setup__AdminUserName"] = "admin",
            ["Setup__AdminEmail"] = "admin@example.com",
            ["Setup__AdminPassword"] = AdminPassword,
        };
        if (Postgres is { } own)
        {
            setup["Setup__DatabaseProvider"] = "Postgres";
            setup["Setup__ConnectionString"] = own.ConnectionString("site");
        }
        else if (PostgresCluster.Enabled)
        {
            _database = PostgresCluster.Instance.CreateDatabase();
            setup["Setup__DatabaseProvider"] = "Postgres";
            setup["Setup__ConnectionString"] = PostgresCluster.Instance.ConnectionString(_database);
        }

        await CliAsync(setup, "setup");
        var recipe = Path.Combine(AppData, "load.recipe.json");
        await File.WriteAllTextAsync(recipe, s_loadRecipe);
        await CliAsync(Environment, "recipes", "apply", recipe);

        using var site = await StartAsync();
        using var admin = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = site.BaseAddress };
        Assert.Equal(HttpStatusCode.Redirect, (await Accounts.SignInAsync(admin, "admin", AdminPassword)).StatusCode);
        var (_, page) = await Html.GetAsync(admin, PostPath);
        PostId = page.QuerySelector("form.comment-form[action^='/comments/']")?.GetAttribute("action")?["/comments/".Length..]
            ?? throw new InvalidOperationException("The post has no comment form.");
        var members = new List<MemberLogin>();
        var (_, form) = await Html.GetAsync(admin, "/admin/users/new");
        var token = Html.AntiforgeryToken(form);
        // One more than the load's members: the spare posts beside the load without meeting a member's own rate limit.
        for (var i = 1; i <= MemberCount + 1; i++)
        {
            var member = new MemberLogin($"member{i:00}", $"member {i} pass phrase");
            var created = await admin.PostAsync("/admin/users/new", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["UserName"] = member.UserName,
                ["Email"] = $"{member.UserName}@example.org",
                ["Password"] = member.Password,
                ["Roles"] = "Member",
            }));
            Assert.True(created.StatusCode == HttpStatusCode.Redirect, $"{member.UserName} was not created: {(int)created.StatusCode}");
            members.Add(member);
        }

        Members = members[..MemberCount];
        Spare = members[MemberCount];
        site.Terminate();
        Assert.True(await site.WaitForExitAsync(TimeSpan.FromSeconds(60)), "The site did not stop after setup.");
    }

    public virtual Task DisposeAsync()
    {
        _appData.Dispose();
        if (_database is not null)
        {
            PostgresCluster.Instance.DropDatabase(_database);
        }

        return Task.CompletedTask;
    }

    public Task<SiteProcess> StartAsync(IReadOnlyDictionary<string, string>? extra = null)
    {
        var environment = new Dictionary<string, string>(Environment);
        foreach (var (name, value) in extra ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        return SiteProcess.StartAsync(environment);
    }

    /// <summary>The 50 members posting with the rate limit's pause, 20 readers reading, on a running site.</summary>
    public LoadRun NewLoad(SiteProcess site) => new(site.BaseAddress, PostPath, PostId, Members, ReaderCount, TimeSpan.FromSeconds(RateLimitSeconds));

    /// <summary><c>dotnet Site.dll ARGS</c> as a deployer types it; fails the test unless it succeeds.</summary>
    public async Task<CommandRun> CliAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var dll = await PublishedSite.DllAsync();
        var run = await Processes.RunAsync("dotnet", AppData, TimeSpan.FromMinutes(5), environment, [dll, .. args]);
        Assert.True(run.ExitCode == 0, $"dotnet Site.dll {string.Join(' ', args)}: {run}");
        return run;
    }

    /// <summary>How long a load runs: <c>CMS_LOAD_SECONDS</c> (the full length is 60), else a short CI run.</summary>
    public static TimeSpan LoadDuration(int ciSeconds)
        => TimeSpan.FromSeconds(int.TryParse(System.Environment.GetEnvironmentVariable("CMS_LOAD_SECONDS"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : ciSeconds);

    public const int RateLimitSeconds = 1;

    /// <summary>The member-only settings with the rate limit lowered to one second and no moderation, so every comment shows (and evicts the cache).</summary>
    private static readonly string s_loadRecipe = $$"""
        {
          "name": "LoadTest",
          "displayName": "Load test",
          "description": "Comments as the member-only recipe sets them, with a one-second rate limit and no moderation.",
          "steps": [
            {
              "name": "settings",
              "CommentSettings": {
                "PolicyNote": "Only a member of this blog may post a comment.",
                "Moderation": "None",
                "RateLimitSeconds": {{RateLimitSeconds}},
                "MaxLinks": 2,
                "CloseAfterDays": 0,
                "MaxLength": 4096,
                "ReplyDepth": 2,
                "EditWindowMinutes": 15,
                "PageSize": 50
              }
            }
          ]
        }
        """;
}
