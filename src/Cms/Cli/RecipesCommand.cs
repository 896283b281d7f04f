using System.CommandLine;
using Cms.Recipes;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Cli;

/// <summary><c>recipes list | validate FILE | apply FILE [--dry-run]</c>.</summary>
public static class RecipesCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("recipes", "Lists, validates and applies recipes (Orchard Core's recipe format).");
        command.Subcommands.Add(CreateList(context));
        command.Subcommands.Add(RecipeValidateCommand.Create(context));
        command.Subcommands.Add(RecipeApplyCommand.Create(context));
        return command;
    }

    private static Command CreateList(CliContext context)
    {
        var command = new Command("list", "Lists the recipes this build carries (recipes/ and modules). Example: recipes list");
        command.SetAction(async _ =>
        {
            var recipes = context.Services.GetRequiredService<IRecipeHarvester>().List();
            if (recipes.Count == 0)
            {
                await context.Out.WriteLineAsync("No recipes.");
            }

            foreach (var recipe in recipes)
            {
                var marks = new List<string>();
                if (recipe.IsSetupRecipe)
                {
                    marks.Add("setup");
                }

                if (recipe.IsHidden)
                {
                    marks.Add("hidden");
                }

                var version = recipe.Version.Length > 0 ? $" {recipe.Version}" : "";
                var flags = marks.Count > 0 ? $" [{string.Join(", ", marks)}]" : "";
                await context.Out.WriteLineAsync($"{recipe.Name}{version}{flags}: {recipe.DisplayName} ({recipe.Source})");
                if (recipe.Description.Length > 0)
                {
                    await context.Out.WriteLineAsync($"    {recipe.Description}");
                }
            }

            return CliExit.Ok;
        });
        return command;
    }
}
