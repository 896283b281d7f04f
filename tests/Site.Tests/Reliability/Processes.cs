using System.Diagnostics;
using System.Text;
using Site.Tests.Infrastructure;

namespace Site.Tests.Reliability;

/// <summary>Runs a command to its end (or its time limit) and returns what it printed.</summary>
public static class Processes
{
    public static async Task<CommandRun> RunAsync(string file, string folder, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var process = Start(file, folder, environment, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return new CommandRun(-1, await output, await error + $"\n(killed after {timeout.TotalSeconds} s: {file} {string.Join(' ', args)})");
        }

        return new CommandRun(process.ExitCode, await output, await error);
    }

    public static Process Start(string file, string folder, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo(file)
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

        // The test host runs under MSBuild's and the test platform's variables; a deployer's shell has none of them.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
    }
}
