using System.Text.Json.Nodes;
using Cms.Modules;

namespace Cms.Recipes.Steps;

/// <summary>
/// "feature": { "enable": [ids], "disable": [ids] }. Enabling brings in dependencies. Orchard's ids
/// are accepted where this site has the feature under another id (<see cref="OrchardFeatureAliases"/>).
/// </summary>
public sealed class FeatureStep(ModuleCatalog catalog, IFeatureManager features) : IRecipeStepHandler
{
    public string Name => "feature";

    public void Validate(RecipeStep step, RecipeValidationContext context)
    {
        var enable = ReadIds(step, "enable", context);
        var disable = ReadIds(step, "disable", context);
        foreach (var (id, path) in enable)
        {
            if (OrchardFeatureAliases.Resolve(catalog, id) is { } feature)
            {
                context.EnabledFeatures.UnionWith(catalog.WithDependencies(feature).Select(f => f.Id));
            }
            else
            {
                context.Error(path, OrchardFeatureAliases.Unknown(id));
            }
        }

        var disabling = disable.Select(d => OrchardFeatureAliases.Resolve(catalog, d.Id)?.Id).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (id, path) in disable)
        {
            var feature = OrchardFeatureAliases.Resolve(catalog, id);
            if (feature is null)
            {
                context.Error(path, OrchardFeatureAliases.Unknown(id));
                continue;
            }

            if (feature.AlwaysEnabled)
            {
                context.Error(path, $"'{feature.Id}' is part of the framework and cannot be disabled.");
                continue;
            }

            var dependent = catalog.Features.FirstOrDefault(f => context.EnabledFeatures.Contains(f.Id)
                && !disabling.Contains(f.Id)
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
        var enable = Resolve(StepJsonReader.Strings(step.Data, "enable"));
        var disable = Resolve(StepJsonReader.Strings(step.Data, "disable"));
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

    private List<string> Resolve(List<string> ids)
        => ids.Select(id => OrchardFeatureAliases.Resolve(catalog, id)?.Id ?? id).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

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
            if (array[i] is JsonValue v && v.TryGetValue<string>(out var id))
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
