using System.Globalization;
using System.Text.Json.Nodes;
using Cms.Content;
using Cms.ContentDefinitions;
using Cms.Recipes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Modules.Contents.ViewModels;

namespace Modules.Contents.Services;

/// <summary>
/// Reads content types for the admin and changes them through the `ContentDefinition` recipe step (the
/// same validation and the same merge as a recipe, so an export shows the change). Removing a part, which
/// the step (as Orchard's) cannot express, alters the definitions document directly.
/// </summary>
public sealed class ContentTypeEditor(
    IContentDefinitionManager definitions,
    IContentManager contentManager,
    IRecipeExecutor recipes,
    IOptions<ContentPartOptions> parts,
    Cms.Modules.IFeatureManager features)
{
    public async Task<IReadOnlyList<ContentTypeEntry>> ListAsync()
    {
        var entries = new List<ContentTypeEntry>();
        foreach (var type in await definitions.ListTypesAsync())
        {
            entries.Add(await EntryAsync(type));
        }

        return entries;
    }

    public async Task<ContentTypeEntry?> FindAsync(string name)
        => await definitions.GetTypeAsync(name) is { } type ? await EntryAsync(type) : null;

    /// <summary>Parts of enabled features that the type does not have yet.</summary>
    public async Task<IReadOnlyList<string>> AttachableAsync(ContentTypeEntry type)
    {
        var enabled = await features.GetEnabledAsync();
        return parts.Value.Parts.Where(p => enabled.Contains(p.FeatureId)).Select(p => p.Name)
            .Where(p => type.Parts.All(tp => tp.Name != p)).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Attaches a part at the end of the type, through the recipe step.</summary>
    public async Task<IReadOnlyList<string>> AttachAsync(ContentTypeEntry type, string partName)
    {
        var position = type.Parts.Count == 0 ? 0 : type.Parts.Count;
        return await ApplyAsync(type.Name, new JsonObject
        {
            ["PartName"] = partName,
            ["Name"] = partName,
            ["Settings"] = new JsonObject { ["ContentTypePartSettings"] = new JsonObject { ["Position"] = position.ToString(CultureInfo.InvariantCulture) } },
        });
    }

    /// <summary>Changes a part's existing settings to the posted text; a value of the wrong kind is an error naming the setting.</summary>
    public async Task<IReadOnlyList<string>> UpdateSettingsAsync(TypePartEntry part, string typeName, Func<string, string?> posted)
    {
        var errors = new List<string>();
        var settings = new JsonObject();
        foreach (var setting in part.Settings)
        {
            var text = posted(setting.FieldName);
            JsonNode? value;
            if (setting.IsBoolean)
            {
                value = JsonValue.Create(text is "true" or "on");
            }
            else if (text is null)
            {
                continue;
            }
            else if (setting.IsNumber)
            {
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    errors.Add($"{setting.Group} › {setting.Key} must be a number, not “{text}”.");
                    continue;
                }

                value = JsonValue.Create(number);
            }
            else
            {
                value = JsonValue.Create(text.Trim());
            }

            if (settings[setting.Group] is not JsonObject group)
            {
                settings[setting.Group] = group = [];
            }

            group[setting.Key] = value;
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        return await ApplyAsync(typeName, new JsonObject { ["PartName"] = part.PartName, ["Name"] = part.Name, ["Settings"] = settings });
    }

    public Task RemoveAsync(string typeName, string partName) => definitions.AlterAsync(document =>
    {
        var type = document.ContentTypes.FirstOrDefault(t => t.Name == typeName);
        type?.ContentTypePartDefinitionRecords.RemoveAll(p => p.Name == partName);
    });

    private async Task<IReadOnlyList<string>> ApplyAsync(string typeName, JsonObject part)
    {
        var recipe = new JsonObject
        {
            ["name"] = "ContentTypesAdmin",
            ["steps"] = new JsonArray(new JsonObject
            {
                ["name"] = "ContentDefinition",
                ["ContentTypes"] = new JsonArray(new JsonObject { ["Name"] = typeName, ["ContentTypePartDefinitionRecords"] = new JsonArray(part) }),
                ["ContentParts"] = new JsonArray(),
            }),
        };
        var result = await recipes.ExecuteAsync(recipe);
        return result.Errors.Select(e => e.Message).ToList();
    }

    private async Task<ContentTypeEntry> EntryAsync(ContentTypeDefinition type)
    {
        var count = await contentManager.Query().Where(r => r.ContentType == type.Name && (r.Latest || r.Published))
            .Select(r => r.ContentItemId).Distinct().CountAsync();
        var partEntries = type.OrderedParts().Select(p => new TypePartEntry(p.Name, p.PartName, Scalars(p.Settings))).ToList();
        return new ContentTypeEntry(type.Name, string.IsNullOrEmpty(type.DisplayName) ? type.Name : type.DisplayName, Scalars(type.Settings), partEntries, count);
    }

    /// <summary>Each scalar value one level down (Settings.{Group}.{Key}), as the admin edits them.</summary>
    private static List<SettingValue> Scalars(JsonObject settings)
    {
        var values = new List<SettingValue>();
        foreach (var (group, node) in settings)
        {
            if (node is not JsonObject members)
            {
                continue;
            }

            foreach (var (key, value) in members)
            {
                if (value is JsonValue scalar)
                {
                    var kind = scalar.GetValueKind();
                    var isBoolean = kind is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False;
                    values.Add(new SettingValue(group, key, isBoolean ? (scalar.GetValue<bool>() ? "true" : "false") : scalar.ToString(), isBoolean,
                        kind == System.Text.Json.JsonValueKind.Number));
                }
            }
        }

        return values;
    }
}
