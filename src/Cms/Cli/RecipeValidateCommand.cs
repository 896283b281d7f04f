using System.CommandLine;
using Cms.Recipes;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Cli;

/// <summary><c>recipes validate FILE</c>: checks the whole recipe against the site as it is; writes nothing.</summary>
public static class RecipeValidateCommand
{
    public static Command Create(CliContext context)
    {
        var input = new RecipeInput();
        var command = new Command("validate", "Checks a recipe against the site without applying it; every error names its step and JSON path. Example: recipes validate my.recipe.json");
        input.AddTo(command);
        command.SetAction(async parsed =>
        {
            using var site = await context.OpenSiteAsync();
            if (site is null)
            {
                return CliExit.Environment;
            }

            if (input.ReadUtf8(parsed, context) is not { } text || await input.ReadOptionsAsync(parsed, context, site.ServiceProvider) is not { } options)
            {
                return CliExit.InvalidInput;
            }

            var result = await site.ServiceProvider.GetRequiredService<IRecipeExecutor>().ValidateAsync(text, options);
            if (!result.Succeeded)
            {
                return RecipeInput.Report(context, result, $"the recipe has {Errors(result.Errors.Count)}.");
            }

            await context.Out.WriteLineAsync("The recipe is valid.");
            return CliExit.Ok;
        });
        return command;
    }

    private static string Errors(int count) => count == 1 ? "1 error" : $"{count} errors";
}
