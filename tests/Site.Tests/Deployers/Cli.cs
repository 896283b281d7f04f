using Cms.Cli;
using Cms.Hosting;
using Microsoft.AspNetCore.Builder;

namespace Site.Tests.Deployers;

/// <summary>What a run of the command line printed and returned.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Out}\nstderr:\n{Error}";
}

/// <summary>
/// Runs the host's command line in-process as Program.cs does (a builder with AddCms, then
/// CliHost), with the data folder set as Cms__AppData would set it, capturing stdout and stderr.
/// </summary>
public static class Cli
{
    public static async Task<CliRun> RunAsync(string appData, params string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            EnvironmentName = "Production",
            ApplicationName = typeof(Program).Assembly.GetName().Name,
        });
        builder.Configuration["Cms:AppData"] = appData;
        builder.AddCms();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliHost.RunAsync(builder, args, output, error);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
