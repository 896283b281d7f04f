using Cms.Modules;

namespace Cms.Recipes.Steps;

/// <summary>"feature": { "enable": [ids], "disable": [ids] }. Enabling brings in dependencies.</summary>
public sealed class FeatureStep(ModuleCatalog catalog, IFeatureManager features) : IRecipeStepHandler
{
    public string Name => "feature";

    public void Validate(RecipeStep step, RecipeValidationContext context)
    {
        var enable = ReadIds(step, "enable", context);
        var disable = ReadIds(step, "disable", context);
        foreach (var (id, path) in enable)
        {
            if (catalog.Find(id) is { } feature)
            {
                context.EnabledFeatures.UnionWith(catalog.WithDependencies(feature).Select(f => f.Id));
            }
            else
            {
                context.Error(path, $"There is no feature '{id}'.");
            }
        }

        foreach (var (id, path) in disable)
        {
            var feature = catalog.Find(id);
            if (feature is null)
            {
                context.Error(path, $"There is no feature '{id}'.");
                continue;
            }

            if (feature.AlwaysEnabled)
            {
                context.Error(path, $"'{feature.Id}' is part of the framework and cannot be disabled.");
                continue;
            }

            var dependent = catalog.Features.FirstOrDefault(f => context.EnabledFeatures.Contains(f.Id)
                && !disable.Any(d => string.Equals(d.Id, f.Id, StringComparison.OrdinalIgnoreCase))
                && f.Dependencies.Contains(feature.Id, StringComparer.OrdinalIgnoreCase));
            if (dependent is not null)
            {
                context.Error(path, $"'{feature.Id}' cannot be disabled because '{dependent.Id}' needs it.");
                continue;
            }

            context.EnabledFeatures.Remove(feature.Id);
        }
    }

    public async Task ApplyAsync(RecipeStep step, RecipeApplyContext context)
    {
        var enable = StepJsonReader.Strings(step.Data, "enable");
        var disable = StepJsonReader.Strings(step.Data, "disable");
        var enabled = await features.EnableAsync(enable);
        if (!enabled.Succeeded)
        {
            throw new RecipeApplyException(enabled.Error!);
        }

        context.Changes.AddRange(enabled.Changed.Select(f => $"feature enabled: {f}"));
        var disabled = await features.DisableAsync(disable);
        if (!disabled.Succeeded)
        {
            throw new RecipeApplyException(disabled.Error!);
        }

        context.Changes.AddRange(disabled.Changed.Select(f => $"feature disabled: {f}"));
    }

    private static List<(string Id, string Path)> ReadIds(RecipeStep step, string key, RecipeValidationContext context)
    {
        var array = StepJson.Array(step.Data, key, "", context);
        if (array is null)
        {
            return [];
        }

        var result = new List<(string, string)>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var id))
            {
                result.Add((id, $"{key}[{i}]"));
            }
            else
            {
                context.Error($"{key}[{i}]", $"A feature id must be a string, not {StepJson.Describe(array[i])}.");
            }
        }

        return result;
    }
}
