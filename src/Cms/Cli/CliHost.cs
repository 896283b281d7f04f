using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Cms.Cli;

/// <summary>
/// The host's command line: <c>Site setup</c>, <c>Site recipes apply FILE</c>, ... Each verb runs on
/// the same services and configuration as the web site (App_Data, appsettings, Cms__* and Setup__*
/// variables) without starting the web server.
/// </summary>
public static class CliHost
{
    /// <summary>
    /// True unless the arguments are empty or only the web host's own options (<see cref="HostArguments"/>):
    /// a verb, a mistyped one (refused with the list of verbs) or a request for help, never the web server.
    /// </summary>
    public static bool IsCommand(IReadOnlyList<string> args) => !HostArguments.AreAllHost(args);

    public static Task<int> RunAsync(WebApplicationBuilder builder, string[] args)
        => RunAsync(builder, args, Console.Out, Console.Error);

    /// <summary>Runs the verb; returns 0 on success, 1 for bad input, 2 when the environment is wrong.</summary>
    public static async Task<int> RunAsync(WebApplicationBuilder builder, string[] args, TextWriter output, TextWriter error)
    {
        // Output is for the deployer: the framework's own errors in one line each, never a stack trace.
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new CliLoggerProvider(error));

        // A long import's progress shows whatever the configured log level (Logging__LogLevel__Default=Warning, say).
        builder.Logging.AddFilter<CliLoggerProvider>(typeof(Recipes.Steps.ContentStep).FullName, LogLevel.Information);
        await using var context = new CliContext(builder, output, error);
        var root = new RootCommand("Sets up and changes the site without starting the web server. Configuration is the site's: appsettings.json, Cms__AppData, Setup__*, --Section:Key=value.")
        {
            SetupCommand.Create(context),
            RecipesCommand.Create(context),
            ExportCommand.Create(context),
            FeaturesCommand.Create(context),
            UsersCommand.Create(context),
            ImportCommand.Create(context),
            BackupCommand.Create(context),
            RestoreCommand.Create(context),
            DatabaseCommand.Create(context),
        };
        var verbArgs = HostArguments.Remove(args);

        // "nosuchverb --help" would otherwise show the site's help and succeed: a misspelt verb is an error.
        if (verbArgs.FirstOrDefault() is { } first && !first.StartsWith('-') && !root.Subcommands.Any(c => c.Name == first))
        {
            await error.WriteLineAsync($"error: '{first}' is not a verb of this site; the verbs are below.");
            await root.Parse(["--help"]).InvokeAsync(new InvocationConfiguration { Output = error, Error = error });
            return CliExit.InvalidInput;
        }

        var parsed = root.Parse(verbArgs);

        // Standard output carries a verb's result only: a parse error's message and help go to stderr.
        var errorsOnly = parsed.Errors.Count > 0;
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = errorsOnly ? error : output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex)
        {
            // Whatever the verbs did not foresee comes from the machine (database, disk), not the input.
            await error.WriteLineAsync($"error: {ex.GetBaseException().Message}");
            return CliExit.Environment;
        }
    }
}

/// <summary>The exit codes every verb keeps to.</summary>
public static class CliExit
{
    public const int Ok = 0;

    /// <summary>The arguments, the recipe or the values given are wrong; the message says what and where.</summary>
    public const int InvalidInput = 1;

    /// <summary>The site cannot be worked on: not set up, database unreachable, already set up.</summary>
    public const int Environment = 2;
}
