using System.CommandLine;
using Cms.Recipes;
using Cms.Security;
using Cms.Settings;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Cli;

/// <summary>The recipe a verb works on (a file, or the name of a recipe the build carries) and its parameters.</summary>
public sealed class RecipeInput
{
    public Argument<string> File { get; } = new("FILE") { Description = "A recipe file (.json), or the name of a recipe from 'recipes list'." };

    public Option<string[]> Parameters { get; } = new("--param")
    {
        Description = "A value the recipe reads with parameters('KEY'), as KEY=VALUE; repeat for more. SiteName, AdminUserId and AdminUsername default to the site's name and its first administrator.",
        AllowMultipleArgumentsPerToken = false,
    };

    public void AddTo(Command command)
    {
        command.Arguments.Add(File);
        command.Options.Add(Parameters);
    }

    /// <summary>The recipe as UTF-8 (a file's bytes as they are), or null when there is no such file or recipe (the reason is written).</summary>
    public byte[]? ReadUtf8(ParseResult parsed, CliContext context)
    {
        var file = parsed.GetValue(File)!;
        if (System.IO.File.Exists(file))
        {
            // UTF-8 (with or without its byte order mark) is read as it is; a UTF-16 file is converted.
            var bytes = System.IO.File.ReadAllBytes(file);
            return bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] ? System.Text.Encoding.UTF8.GetBytes(System.IO.File.ReadAllText(file)) : bytes;
        }

        if (context.Services.GetRequiredService<IRecipeHarvester>().Find(file) is { } recipe)
        {
            return System.Text.Encoding.UTF8.GetBytes(recipe.ReadText());
        }

        context.Fail(CliExit.InvalidInput, $"there is no file '{file}' and no recipe named '{file}' (see 'recipes list').");
        return null;
    }

    /// <summary>The --param values, or null when one is not KEY=VALUE (the reason is written).</summary>
    public async Task<RecipeExecutionOptions?> ReadOptionsAsync(ParseResult parsed, CliContext context, IServiceProvider site, bool dryRun = false)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["SiteName"] = (await site.GetRequiredService<ISiteService>().GetAsync()).SiteName,
        };

        // As in Orchard, a recipe run after setup may name "the administrator"; here, the first one created.
        var admins = await site.GetRequiredService<UserManager<CmsUser>>().GetUsersInRoleAsync(StandardRoles.Administrator);
        if (admins.OrderBy(u => u.CreatedUtc).FirstOrDefault() is { } admin)
        {
            values["AdminUserId"] = admin.Id;
            values["AdminUsername"] = admin.UserName ?? "";
        }

        foreach (var pair in parsed.GetValue(Parameters) ?? [])
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                context.Fail(CliExit.InvalidInput, $"--param '{pair}' is not KEY=VALUE.");
                return null;
            }

            values[pair[..equals]] = pair[(equals + 1)..];
        }

        return new RecipeExecutionOptions { Parameters = values, DryRun = dryRun };
    }

    /// <summary>Writes each error with its step index and JSON path, one a line, to stderr.</summary>
    public static int Report(CliContext context, RecipeResult result, string what)
    {
        context.Error.WriteLine($"error: {what}");
        foreach (var error in result.Errors)
        {
            context.Error.WriteLine($"  {error}");
        }

        return CliExit.InvalidInput;
    }
}
