using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Content;
using Cms.ContentDefinitions;
using Cms.Modules;
using Cms.Security;
using Cms.Settings;

namespace Cms.Recipes.Export;

public sealed class RecipeExporter(
    ModuleCatalog catalog,
    IFeatureManager features,
    ISiteService site,
    IContentDefinitionManager definitions,
    IRoleStore roles,
    IPermissionCatalog permissions,
    IContentManager contentManager,
    IEnumerable<FeatureBound<IRecipeExportStep>> moduleSteps,
    TimeProvider clock) : IRecipeExporter
{
    public async Task<JsonObject> ExportAsync(RecipeExportOptions? options = null)
    {
        options ??= new();
        var settings = await site.GetAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        return new JsonObject
        {
            ["name"] = "Export",
            ["displayName"] = $"{settings.SiteName} export",
            ["description"] = $"Exported from {settings.SiteName} on {now.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC.",
            ["author"] = options.Author,
            ["website"] = settings.BaseUrl,
            ["version"] = "1.0.0",
            ["issetuprecipe"] = false,
            ["categories"] = new JsonArray(),
            ["tags"] = new JsonArray("exported"),
            ["exportedUtc"] = now.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["steps"] = new JsonArray(
            [
                await FeatureStepAsync(),
                ThemesStep(settings),
                SettingsStep(settings),
                await ContentDefinitionStepAsync(),
                await RolesStepAsync(),
                .. await ModuleStepsAsync(afterContent: false),
                await ContentStepAsync(options.ContentType),
                .. await ModuleStepsAsync(afterContent: true),
            ]),
        };
    }

    /// <summary>The steps enabled features add: media files before the content that shows them, redirects after the items they point at.</summary>
    private async Task<List<JsonNode>> ModuleStepsAsync(bool afterContent)
    {
        var enabled = await features.GetEnabledAsync();
        var steps = new List<JsonNode>();
        foreach (var source in moduleSteps.Where(s => enabled.Contains(s.FeatureId) && s.Service.AfterContent == afterContent))
        {
            if (await source.Service.ExportAsync() is { } step)
            {
                steps.Add(step);
            }
        }

        return steps;
    }

    /// <summary>The enabled features, each after those it needs; the framework's own are always on and left out.</summary>
    private async Task<JsonObject> FeatureStepAsync()
    {
        var enabled = await features.GetEnabledAsync();
        var ids = catalog.Features.Where(f => enabled.Contains(f.Id) && !f.AlwaysEnabled).Select(f => (JsonNode)f.Id).ToArray();
        return new JsonObject { ["name"] = "feature", ["enable"] = new JsonArray(ids), ["disable"] = new JsonArray() };
    }

    private static JsonObject ThemesStep(SiteSettings settings)
        => new() { ["name"] = "themes", ["site"] = settings.SiteTheme, ["admin"] = settings.AdminTheme };

    /// <summary>The site fields the settings step sets, then every named section as stored.</summary>
    private static JsonObject SettingsStep(SiteSettings settings)
    {
        var step = new JsonObject { ["name"] = "settings" };
        foreach (var (key, value) in settings.ToRecipeValues())
        {
            step[key] = value;
        }

        return step;
    }

    /// <summary>Types and parts in Orchard's record shape, settings as stored (the nested form).</summary>
    private async Task<JsonObject> ContentDefinitionStepAsync() => new()
    {
        ["name"] = "ContentDefinition",
        ["ContentTypes"] = JsonSerializer.SerializeToNode(await definitions.ListTypesAsync(), ContentJson.Options),
        ["ContentParts"] = JsonSerializer.SerializeToNode(await definitions.ListPartsAsync(), ContentJson.Options),
    };

    /// <summary>
    /// Every role with Replace, so the importing site ends with exactly these permissions. A
    /// permission no enabled feature declares (left by a feature since disabled) is left out: the
    /// Roles step would refuse it, and it grants nothing here either.
    /// </summary>
    private async Task<JsonObject> RolesStepAsync()
    {
        var known = (await permissions.ListAsync()).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var list = new JsonArray();
        foreach (var role in await roles.ListAsync())
        {
            list.Add(new JsonObject
            {
                ["Name"] = role.Name,
                ["Description"] = role.Description,
                ["Permissions"] = new JsonArray(role.Permissions.Where(known.Contains).Select(p => (JsonNode)p).ToArray()),
                ["PermissionBehavior"] = "Replace",
            });
        }

        return new JsonObject { ["name"] = "Roles", ["Roles"] = list };
    }

    /// <summary>Every Latest or Published version in Orchard's item JSON, oldest first, so a draft follows its published version.</summary>
    private async Task<JsonObject> ContentStepAsync(string? contentType)
    {
        var query = contentManager.Query().Where(r => r.Latest || r.Published);
        if (contentType is not null)
        {
            query = query.Where(r => r.ContentType == contentType);
        }

        var items = await contentManager.ListAsync(query.OrderBy(r => r.Id));
        var data = new JsonArray(items.Select(i => (JsonNode)i.ToJson()).ToArray());
        return new JsonObject { ["name"] = "content", ["Data"] = data };
    }
}
