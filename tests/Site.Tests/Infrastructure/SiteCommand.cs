using System.Diagnostics;
using System.Text;

namespace Site.Tests.Infrastructure;

/// <summary>What a run of a real command printed and returned.</summary>
public sealed record CommandRun(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Out}\nstderr:\n{Error}";
}

/// <summary>
/// The site's real command line in a child process, typed as a user types it: <c>dotnet run --project
/// src/Site -- ARGS</c> (on the build the tests already made: <c>--no-build</c>) or <c>dotnet Site.dll ARGS</c>,
/// from a folder of the test's choosing, with the environment variables it gives.
/// </summary>
public static class SiteCommand
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(2);

    /// <summary>The checkout the tests were built from: the folder that holds Site.sln.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Debug or Release: the build the tests run on, which src/Site was built with too.</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    /// <summary>src/Site's own build output (not the copy beside the tests).</summary>
    public static string SiteDll { get; } = Path.Combine(RepositoryRoot, "src", "Site", "bin", Configuration,
        new DirectoryInfo(AppContext.BaseDirectory).Name, "Site.dll");

    public static string SiteProjectFolder { get; } = Path.Combine(RepositoryRoot, "src", "Site");

    /// <summary><c>dotnet run --project src/Site -- ARGS</c>; the project path is relative from the repository root, as the README types it.</summary>
    public static Task<CommandRun> DotnetRunAsync(string folder, IReadOnlyDictionary<string, string> environment, params string[] args)
        => RunAsync(folder, environment, ["run", "--project", ProjectPath(folder), "--no-build", "-c", Configuration, "--", .. args]);

    /// <summary><c>dotnet PATH/Site.dll ARGS</c>.</summary>
    public static Task<CommandRun> DotnetDllAsync(string dll, string folder, IReadOnlyDictionary<string, string> environment, params string[] args)
        => RunAsync(folder, environment, [dll, .. args]);

    /// <summary>Starts <c>dotnet run --project src/Site -- ARGS</c> and leaves it running (a web server).</summary>
    public static RunningCommand StartDotnetRun(string folder, IReadOnlyDictionary<string, string> environment, params string[] args)
        => new(Start(folder, environment, ["run", "--project", ProjectPath(folder), "--no-build", "-c", Configuration, "--", .. args]));

    private static string ProjectPath(string folder)
        => Path.GetFullPath(folder) == RepositoryRoot ? Path.Combine("src", "Site") : SiteProjectFolder;

    private static async Task<CommandRun> RunAsync(string folder, IReadOnlyDictionary<string, string> environment, string[] args)
    {
        using var process = Start(folder, environment, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(s_timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // A verb that never ends is most likely the web server started by mistake.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return new CommandRun(-1, await output, await error + $"\n(killed after {s_timeout.TotalSeconds} s: dotnet {string.Join(' ', args)})");
        }

        return new CommandRun(process.ExitCode, await output, await error);
    }

    private static Process Start(string folder, IReadOnlyDictionary<string, string> environment, string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The test host runs under MSBuild's and the test platform's variables; a user's shell has none of them.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
    }

    private static string FindRepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Site.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException($"No Site.sln above {AppContext.BaseDirectory}.");
    }
}
