using System.CommandLine;
using Cms.Recipes;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Cli;

/// <summary>
/// <c>recipes apply FILE [--dry-run]</c>: validates the whole recipe, then applies it in one
/// transaction. A dry run applies it, lists the changes and rolls everything back.
/// </summary>
public static class RecipeApplyCommand
{
    public static Command Create(CliContext context)
    {
        var input = new RecipeInput();
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what the recipe would change (features, types, roles, settings, items) and write nothing." };
        var command = new Command("apply", "Applies a recipe, all or nothing. Example: recipes apply my.recipe.json --dry-run");
        input.AddTo(command);
        command.Options.Add(dryRun);
        command.SetAction(async parsed =>
        {
            var isDryRun = parsed.GetValue(dryRun);
            using var site = await context.OpenSiteAsync(migrate: !isDryRun);
            if (site is null)
            {
                return CliExit.Environment;
            }

            var utf8 = input.ReadUtf8(parsed, context);
            if (utf8 is null || await input.ReadOptionsAsync(parsed, context, site.ServiceProvider, isDryRun) is not { } options)
            {
                return CliExit.InvalidInput;
            }

            // The file's bytes are the recipe: its content items are read from them one batch at a time.
            var result = await site.ServiceProvider.GetRequiredService<IRecipeExecutor>().ExecuteAsync(utf8, options);
            if (!result.Succeeded)
            {
                return RecipeInput.Report(context, result, "the recipe was not applied; nothing was written.");
            }

            var heading = isDryRun
                ? result.Changes.Count == 0 ? "Dry run: nothing would change; nothing was written." : "Dry run: the recipe would make these changes; nothing was written."
                : result.Changes.Count == 0 ? "The recipe is applied: nothing needed to change." : "The recipe is applied:";
            await context.Out.WriteLineAsync(heading);
            foreach (var change in result.Changes)
            {
                await context.Out.WriteLineAsync($"  {change}");
            }

            return CliExit.Ok;
        });
        return command;
    }
}
