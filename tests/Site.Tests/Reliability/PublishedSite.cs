using System.Diagnostics;
using Site.Tests.Infrastructure;

namespace Site.Tests.Reliability;

/// <summary>
/// The site as a deployer runs it: <c>dotnet publish -c Release</c> once per test run (into the tests' own
/// output folder), then <c>dotnet Site.dll</c> as a real process on a loopback port, which the tests kill
/// (SIGKILL), stop (SIGTERM) and start again on the same data folder.
/// </summary>
public static class PublishedSite
{
    private static readonly SemaphoreSlim s_publishing = new(1, 1);
    private static readonly string[] s_sourceFolders = ["src", "recipes"];
    private static string? s_dll;

    /// <summary>Publishes src/Site in Release the first time it is asked; returns the path of Site.dll.</summary>
    public static async Task<string> DllAsync()
    {
        await s_publishing.WaitAsync();
        try
        {
            var output = Path.Combine(AppContext.BaseDirectory, "published-site");
            if (s_dll is null && IsCurrent(Path.Combine(output, "Site.dll")))
            {
                // The suite's second pass (PostgreSQL) runs on the build the first pass published.
                s_dll = Path.Combine(output, "Site.dll");
            }

            if (s_dll is null)
            {
                var run = await Processes.RunAsync("dotnet", SiteCommand.RepositoryRoot, TimeSpan.FromMinutes(20), null,
                    "publish", Path.Combine("src", "Site", "Site.csproj"), "-c", "Release", "-o", output, "--nologo", "-v", "q");
                Assert.True(run.ExitCode == 0, "dotnet publish failed: " + run);
                s_dll = Path.Combine(output, "Site.dll");
            }

            return s_dll;
        }
        finally
        {
            s_publishing.Release();
        }
    }

    /// <summary>Whether a published Site.dll is newer than every source file of the site (src/ but its data folders, recipes/, the build's props).</summary>
    private static bool IsCurrent(string dll)
    {
        if (!File.Exists(dll))
        {
            return false;
        }

        var published = File.GetLastWriteTimeUtc(dll);
        var root = SiteCommand.RepositoryRoot;
        var sources = s_sourceFolders.SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}App_Data{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Concat(Directory.EnumerateFiles(root, "Directory.*.props"));
        return sources.All(f => File.GetLastWriteTimeUtc(f) < published);
    }

    /// <summary>Sends a POSIX signal (SIGTERM, SIGKILL) to a process, as an operator's <c>kill</c> does.</summary>
    public static void Signal(int pid, string signal)
    {
        using var kill = Process.Start("kill", ["-s", signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -s {signal} {pid} failed with exit code {kill.ExitCode}.");
        }
    }

    public const string SigKill = "KILL";
    public const string SigTerm = "TERM";
}

/// <summary>One run of the published site: <c>dotnet Site.dll</c> with the given environment, its output kept.</summary>
public sealed class SiteProcess : IDisposable
{
    private readonly RunningCommand _command;
    private readonly Process _process;

    private SiteProcess(Process process)
    {
        _process = process;
        _command = new RunningCommand(process);
    }

    public Uri BaseAddress { get; private init; } = null!;

    public int Id => _process.Id;

    public string Output => _command.Output;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts the site and waits until <c>/health/ready</c> answers 200 (set up, schema current, database answering).</summary>
    public static async Task<SiteProcess> StartAsync(IReadOnlyDictionary<string, string> environment, TimeSpan? timeout = null)
    {
        var dll = await PublishedSite.DllAsync();
        var port = TempFolder.FreePort();
        var env = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Cms__BaseUrl"] = $"http://127.0.0.1:{port}",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["NewsCommentary__LinkCheck__Enabled"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (name, value) in environment)
        {
            env[name] = value;
        }

        var site = new SiteProcess(Processes.Start("dotnet", Path.GetDirectoryName(dll)!, env, dll))
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
        };
        using var client = new HttpClient { BaseAddress = site.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(120));
        while (true)
        {
            try
            {
                if ((await client.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return site;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            if (site.HasExited || DateTime.UtcNow > deadline)
            {
                var output = site.Output;
                site.Dispose();
                throw new InvalidOperationException($"The published site did not become ready (exited: {site.HasExited}):\n{output}");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>kill -9: no shutdown of any kind.</summary>
    public void Crash()
    {
        PublishedSite.Signal(_process.Id, PublishedSite.SigKill);
        _process.WaitForExit(30_000);
    }

    /// <summary>SIGTERM, as systemd, Docker and Kubernetes stop a service.</summary>
    public void Terminate() => PublishedSite.Signal(_process.Id, PublishedSite.SigTerm);

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            _process.WaitForExit();
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void Dispose() => _command.Dispose();
}
