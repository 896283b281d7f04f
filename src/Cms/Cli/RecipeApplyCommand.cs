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

            var text = input.ReadText(parsed, context);
            if (text is null || await input.ReadOptionsAsync(parsed, context, site.ServiceProvider, isDryRun) is not { } options)
            {
                return CliExit.InvalidInput;
            }

            // The text is parsed when the run starts; dropped then, a recipe of 10,000 posts is not held twice.
            var running = site.ServiceProvider.GetRequiredService<IRecipeExecutor>().ExecuteAsync(text, options);
            text = null;
            var result = await running;
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
