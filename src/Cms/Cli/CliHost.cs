using System.CommandLine;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Cms.Cli;

/// <summary>
/// The host's command line: <c>Site setup</c>, <c>Site recipes apply FILE</c>, ... Each verb runs on
/// the same services and configuration as the web site (App_Data, appsettings, Cms__* and Setup__*
/// variables) without starting the web server.
/// </summary>
public static partial class CliHost
{
    private static readonly HashSet<string> s_verbs = new(StringComparer.Ordinal)
    {
        "setup", "recipes", "export", "features", "users", "-h", "--help", "-?",
    };

    /// <summary>True when the arguments (past --Section:Key=value settings) start with a verb or ask for help, rather than start the web server.</summary>
    public static bool IsCommand(IReadOnlyList<string> args)
        => args.FirstOrDefault(a => !ConfigurationArgument().IsMatch(a)) is { } first && s_verbs.Contains(first);

    public static Task<int> RunAsync(WebApplicationBuilder builder, string[] args)
        => RunAsync(builder, args, Console.Out, Console.Error);

    /// <summary>Runs the verb; returns 0 on success, 1 for bad input, 2 when the environment is wrong.</summary>
    public static async Task<int> RunAsync(WebApplicationBuilder builder, string[] args, TextWriter output, TextWriter error)
    {
        // Output is for the deployer: the framework's own errors in one line each, never a stack trace.
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new CliLoggerProvider(error));
        await using var context = new CliContext(builder, output, error);
        var root = new RootCommand("Sets up and changes the site without starting the web server. Configuration is the site's: appsettings.json, Cms__AppData, Setup__*, --Section:Key=value.")
        {
            SetupCommand.Create(context),
            RecipesCommand.Create(context),
            ExportCommand.Create(context),
            FeaturesCommand.Create(context),
            UsersCommand.Create(context),
        };
        var parsed = root.Parse(args.Where(a => !ConfigurationArgument().IsMatch(a)).ToList());
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex)
        {
            // Whatever the verbs did not foresee comes from the machine (database, disk), not the input.
            await error.WriteLineAsync($"error: {ex.GetBaseException().Message}");
            return CliExit.Environment;
        }
    }

    /// <summary>"--Cms:AppData=/srv/site": read by the host's configuration already, not a verb's option.</summary>
    [GeneratedRegex(@"^--?[A-Za-z][A-Za-z0-9_]*(:[A-Za-z0-9_]+)+=")]
    private static partial Regex ConfigurationArgument();
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
