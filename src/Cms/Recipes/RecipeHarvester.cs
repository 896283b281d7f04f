using System.Reflection;
using Cms.Modules;
using Microsoft.Extensions.Options;

namespace Cms.Recipes;

/// <summary>
/// Finds recipes in the recipes folder beside the host (copied there at build) and in module
/// assemblies, which embed their Recipes/*.recipe.json files.
/// </summary>
public sealed class RecipeHarvester(ModuleCatalog catalog, IOptions<RecipeOptions> options) : IRecipeHarvester
{
    private readonly Lazy<IReadOnlyList<RecipeDescriptor>> _recipes = new(() => Harvest(catalog, options.Value));

    public IReadOnlyList<RecipeDescriptor> List() => _recipes.Value;

    public RecipeDescriptor? Find(string name)
        => List().FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));

    private static List<RecipeDescriptor> Harvest(ModuleCatalog catalog, RecipeOptions options)
    {
        var result = new List<RecipeDescriptor>();
        foreach (var folder in options.Folders.Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.recipe.json").Order(StringComparer.Ordinal))
            {
                Add(result, $"recipes/{Path.GetFileName(file)}", () => File.ReadAllText(file));
            }
        }

        foreach (var module in catalog.Modules)
        {
            foreach (var resource in module.Assembly.GetManifestResourceNames().Where(n => n.EndsWith(".recipe.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                Add(result, $"module {module.Id}", () => ReadResource(module.Assembly, resource));
            }
        }

        return result;
    }

    private static void Add(List<RecipeDescriptor> result, string source, Func<string> read)
    {
        var (recipe, error) = RecipeReader.Parse(read());
        if (recipe is null || error is not null)
        {
            // A broken recipe file is listed by name so it can be validated and its errors seen.
            result.Add(new RecipeDescriptor { Name = source, DisplayName = source, Source = source, ReadText = read, Description = error?.Message ?? "" });
            return;
        }

        result.Add(RecipeReader.ReadHeader(recipe, source, read));
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

public sealed class RecipeOptions
{
    public List<string> Folders { get; } = [Path.Combine(AppContext.BaseDirectory, "recipes")];
}
