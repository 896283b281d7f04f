using System.CommandLine;
using Cms.Recipes;
using Cms.Recipes.Import;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Cli;

/// <summary>
/// <c>import SOURCE FILE [--dry-run]</c>: reads another service's export (<c>blogger</c>, <c>wordpress</c>:
/// whichever enabled features offer), turns it into a recipe and applies it all or nothing, as
/// <c>recipes apply</c> does; the report lists each change, then the entries imported differently than written.
/// </summary>
public static class ImportCommand
{
    public static Command Create(CliContext context)
    {
        var source = new Argument<string>("SOURCE") { Description = "Where the export comes from: blogger or wordpress." };
        var file = new Argument<string>("FILE") { Description = "The export file: Blogger's Atom backup (blog-MM-DD-YYYY.xml) or Takeout feed.atom; WordPress's WXR (.xml)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what the import would change and write nothing." };
        var recipeInput = new RecipeInput();
        var command = new Command("import", "Imports a Blogger or WordPress export, all or nothing. Example: import blogger blog-09-30-2020.xml --dry-run")
        {
            source, file, dryRun,
        };
        // Recipe parameters (AdminUserId...) as for recipes apply; an import reads none today, but its recipe steps may.
        command.Options.Add(recipeInput.Parameters);
        command.SetAction(async parsed =>
        {
            var isDryRun = parsed.GetValue(dryRun);
            var path = parsed.GetValue(file)!;
            if (!File.Exists(path))
            {
                return context.Fail(CliExit.InvalidInput, $"there is no file '{path}'.");
            }

            using var site = await context.OpenSiteAsync(migrate: !isDryRun);
            if (site is null)
            {
                return CliExit.Environment;
            }

            if (await recipeInput.ReadOptionsAsync(parsed, context, site.ServiceProvider, isDryRun) is not { } options)
            {
                return CliExit.InvalidInput;
            }

            await using var stream = File.OpenRead(path);
            var result = await site.ServiceProvider.GetRequiredService<ImportRunner>().RunAsync(parsed.GetValue(source)!, stream, stream.Length, options);
            return await ReportAsync(context, result, isDryRun);
        });
        return command;
    }

    private static async Task<int> ReportAsync(CliContext context, ImportResult result, bool dryRun)
    {
        if (!result.Succeeded)
        {
            await context.Error.WriteLineAsync("error: the export was not imported; nothing was written.");
            foreach (var error in result.Errors)
            {
                await context.Error.WriteLineAsync($"  {error}");
            }

            return CliExit.InvalidInput;
        }

        await context.Out.WriteLineAsync(dryRun
            ? "Dry run: the import would make these changes; nothing was written."
            : result.Changes.Count == 0 ? "The export is imported: nothing needed to change." : "The export is imported:");
        foreach (var change in result.Changes)
        {
            await context.Out.WriteLineAsync($"  {change}");
        }

        if (result.Notes.Count > 0)
        {
            await context.Out.WriteLineAsync("Notes:");
            foreach (var note in result.Notes)
            {
                await context.Out.WriteLineAsync($"  {note}");
            }
        }

        return CliExit.Ok;
    }
}
