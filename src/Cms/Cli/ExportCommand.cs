using System.CommandLine;
using Cms.ContentDefinitions;
using Cms.Recipes.Export;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Cli;

/// <summary><c>export [--out FILE] [--type T]</c>: the site as a recipe, to stdout or a file.</summary>
public static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var output = new Option<FileInfo>("--out", "-o") { Description = "Write the recipe to this file instead of stdout." };
        var type = new Option<string>("--type", "-t") { Description = "Export only this content type's items (the other steps stay whole)." };
        var command = new Command("export", "Writes the site (features, themes, settings, definitions, roles, content) as a recipe another site can apply. Example: export --out site.recipe.json");
        command.Options.Add(output);
        command.Options.Add(type);
        command.SetAction(async parsed =>
        {
            using var site = await context.OpenSiteAsync();
            if (site is null)
            {
                return CliExit.Environment;
            }

            var contentType = parsed.GetValue(type);
            if (contentType is not null && await site.ServiceProvider.GetRequiredService<IContentDefinitionManager>().GetTypeAsync(contentType) is null)
            {
                return context.Fail(CliExit.InvalidInput, $"there is no content type '{contentType}'.");
            }

            var recipe = await site.ServiceProvider.GetRequiredService<IRecipeExporter>().ExportAsync(new RecipeExportOptions
            {
                ContentType = contentType,
                Author = Environment.UserName,
            });
            var text = RecipeText.Write(recipe);
            if (parsed.GetValue(output) is not { } file)
            {
                await context.Out.WriteLineAsync(text);
                return CliExit.Ok;
            }

            if (file.Directory is { Exists: false })
            {
                return context.Fail(CliExit.InvalidInput, $"the folder {file.Directory.FullName} does not exist.");
            }

            await File.WriteAllTextAsync(file.FullName, text);
            var items = recipe["steps"]!.AsArray().Last()!["Data"]!.AsArray().Count;
            await context.Out.WriteLineAsync($"Exported the site with {items} content item version(s) to {file.FullName}.");
            return CliExit.Ok;
        });
        return command;
    }
}
