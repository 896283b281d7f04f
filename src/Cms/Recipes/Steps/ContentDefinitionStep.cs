using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cms.Content;
using Cms.ContentDefinitions;
using Microsoft.Extensions.Options;

namespace Cms.Recipes.Steps;

/// <summary>
/// "ContentDefinition": { "ContentTypes": [...], "ContentParts": [...] } in Orchard's record shape.
/// Definitions are merged into the site's, never replaced.
/// </summary>
public sealed partial class ContentDefinitionStep(IContentDefinitionManager definitions, IOptions<ContentPartOptions> parts) : IRecipeStepHandler
{
    /// <summary>Field types this site stores and edits. Orchard's others are refused by name.</summary>
    public static readonly IReadOnlySet<string> SupportedFields = new HashSet<string>(StringComparer.Ordinal) { "TextField" };

    public string Name => "ContentDefinition";

    public void Validate(RecipeStep step, RecipeValidationContext context)
    {
        var partsArray = StepJson.Array(step.Data, "ContentParts", "", context);
        for (var i = 0; partsArray is not null && i < partsArray.Count; i++)
        {
            var path = $"ContentParts[{i}]";
            if (Read<ContentPartDefinition>(partsArray[i], path, context) is not { } part)
            {
                continue;
            }

            if (!IsIdentifier(part.Name))
            {
                context.Error($"{path}.Name", $"'{part.Name}' is not a valid part name (letters, digits and _; starting with a letter).");
                continue;
            }

            for (var f = 0; f < part.ContentPartFieldDefinitionRecords.Count; f++)
            {
                var field = part.ContentPartFieldDefinitionRecords[f];
                if (!SupportedFields.Contains(field.FieldName))
                {
                    context.Error($"{path}.ContentPartFieldDefinitionRecords[{f}].FieldName",
                        $"Field type '{field.FieldName}' is not supported by this site (supported: {string.Join(", ", SupportedFields)}).");
                }

                if (!IsIdentifier(field.Name))
                {
                    context.Error($"{path}.ContentPartFieldDefinitionRecords[{f}].Name", $"'{field.Name}' is not a valid field name.");
                }
            }

            context.DefinedParts.Add(part.Name);
        }

        var typesArray = StepJson.Array(step.Data, "ContentTypes", "", context);
        for (var i = 0; typesArray is not null && i < typesArray.Count; i++)
        {
            var path = $"ContentTypes[{i}]";
            if (Read<ContentTypeDefinition>(typesArray[i], path, context) is not { } type)
            {
                continue;
            }

            if (!IsIdentifier(type.Name))
            {
                context.Error($"{path}.Name", $"'{type.Name}' is not a valid type name (letters, digits and _; starting with a letter).");
                continue;
            }

            var typeParts = context.ContentTypes.TryGetValue(type.Name, out var known) ? known : [];
            for (var p = 0; p < type.ContentTypePartDefinitionRecords.Count; p++)
            {
                var record = type.ContentTypePartDefinitionRecords[p];
                var partName = record.PartName;
                var isCodePart = !string.IsNullOrEmpty(partName) && parts.Value.Find(partName) is { } registration && context.EnabledFeatures.Contains(registration.FeatureId);
                if (string.IsNullOrEmpty(partName))
                {
                    context.Error($"{path}.ContentTypePartDefinitionRecords[{p}].PartName", "'PartName' is required.");
                }
                else if (!isCodePart && !context.DefinedParts.Contains(partName) && partName != type.Name)
                {
                    var hint = parts.Value.Find(partName) is { } r ? $" It needs feature '{r.FeatureId}' enabled first." : "";
                    context.Error($"{path}.ContentTypePartDefinitionRecords[{p}].PartName", $"There is no part '{partName}'.{hint}");
                }
                else
                {
                    typeParts.Add(partName);
                }
            }

            context.ContentTypes[type.Name] = typeParts;
            if (ContentTypeSettings.From(type.Settings).Securable)
            {
                context.SecurableTypes.Add(type.Name);
            }
        }
    }

    public async Task ApplyAsync(RecipeStep step, RecipeApplyContext context)
    {
        var types = ReadAll<ContentTypeDefinition>(step.Data, "ContentTypes");
        var partDefinitions = ReadAll<ContentPartDefinition>(step.Data, "ContentParts");
        var typesBefore = Snapshot(await definitions.ListTypesAsync(), t => t.Name);
        var partsBefore = Snapshot(await definitions.ListPartsAsync(), p => p.Name);
        await definitions.AlterAsync(document =>
        {
            foreach (var part in partDefinitions)
            {
                document.MergePart(part);
            }

            foreach (var type in types)
            {
                document.MergeType(type);
            }
        });
        var typesAfter = Snapshot(await definitions.ListTypesAsync(), t => t.Name);
        var partsAfter = Snapshot(await definitions.ListPartsAsync(), p => p.Name);
        context.Changes.AddRange(Compare("content part", partsBefore, partsAfter));
        context.Changes.AddRange(Compare("content type", typesBefore, typesAfter));
    }

    /// <summary>Each definition's JSON by name, to tell what a merge created or changed.</summary>
    private static Dictionary<string, string> Snapshot<T>(IEnumerable<T> definitions, Func<T, string> name)
        => definitions.ToDictionary(name, d => JsonSerializer.Serialize(d, ContentJson.Options), StringComparer.Ordinal);

    private static IEnumerable<string> Compare(string what, Dictionary<string, string> before, Dictionary<string, string> after)
    {
        foreach (var (name, json) in after)
        {
            if (!before.TryGetValue(name, out var old))
            {
                yield return $"{what} created: {name}";
            }
            else if (old != json)
            {
                yield return $"{what} updated: {name}";
            }
        }
    }

    private static T? Read<T>(JsonNode? node, string path, RecipeValidationContext context) where T : class
    {
        if (node is not JsonObject)
        {
            context.Error(path, $"Expected an object, not {StepJson.Describe(node)}.");
            return null;
        }

        try
        {
            var value = node.Deserialize<T>(ContentJson.Options);
            if (value is not null && StepNulls.Find(value, path) is { } nullAt)
            {
                context.Error(nullAt, "Expected a value here, not null.");
                return null;
            }

            return value;
        }
        catch (JsonException ex)
        {
            context.Error(ex.Path is { Length: > 2 } jsonPath ? $"{path}{jsonPath[1..]}" : path, $"A value has the wrong type for a {typeof(T).Name.Replace("Definition", " definition", StringComparison.Ordinal)}.");
            return null;
        }
    }

    private static List<T> ReadAll<T>(JsonObject data, string key)
        => StepJson.Find(data, key) is JsonArray array
            ? array.Select(n => n.Deserialize<T>(ContentJson.Options)!).ToList()
            : [];

    private static bool IsIdentifier(string? name) => name is not null && IdentifierPattern().IsMatch(name);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,254}$")]
    private static partial Regex IdentifierPattern();
}
