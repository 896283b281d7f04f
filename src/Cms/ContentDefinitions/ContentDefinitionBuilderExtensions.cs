using System.Text.Json.Nodes;

namespace Cms.ContentDefinitions;

/// <summary>Merging helpers used by migrations and the ContentDefinition recipe step.</summary>
public static class ContentDefinitionDocumentExtensions
{
    /// <summary>Merges a type into the document: new settings and parts are added, existing ones overwritten key by key.</summary>
    public static ContentTypeDefinition MergeType(this ContentDefinitionDocument document, ContentTypeDefinition incoming)
    {
        var existing = document.ContentTypes.FirstOrDefault(t => t.Name == incoming.Name);
        if (existing is null)
        {
            existing = new ContentTypeDefinition { Name = incoming.Name };
            document.ContentTypes.Add(existing);
        }

        if (!string.IsNullOrEmpty(incoming.DisplayName))
        {
            existing.DisplayName = incoming.DisplayName;
        }

        MergeInto(existing.Settings, incoming.Settings);
        foreach (var part in incoming.ContentTypePartDefinitionRecords)
        {
            var name = string.IsNullOrEmpty(part.Name) ? part.PartName : part.Name;
            var target = existing.ContentTypePartDefinitionRecords.FirstOrDefault(p => p.Name == name);
            if (target is null)
            {
                target = new ContentTypePartDefinition { PartName = part.PartName, Name = name };
                existing.ContentTypePartDefinitionRecords.Add(target);
            }

            MergeInto(target.Settings, part.Settings);
        }

        return existing;
    }

    public static ContentPartDefinition MergePart(this ContentDefinitionDocument document, ContentPartDefinition incoming)
    {
        var existing = document.ContentParts.FirstOrDefault(p => p.Name == incoming.Name);
        if (existing is null)
        {
            existing = new ContentPartDefinition { Name = incoming.Name };
            document.ContentParts.Add(existing);
        }

        MergeInto(existing.Settings, incoming.Settings);
        foreach (var field in incoming.ContentPartFieldDefinitionRecords)
        {
            var target = existing.ContentPartFieldDefinitionRecords.FirstOrDefault(f => f.Name == field.Name);
            if (target is null)
            {
                target = new ContentPartFieldDefinition { FieldName = field.FieldName, Name = field.Name };
                existing.ContentPartFieldDefinitionRecords.Add(target);
            }

            target.FieldName = field.FieldName;
            MergeInto(target.Settings, field.Settings);
        }

        return existing;
    }

    private static void MergeInto(JsonObject target, JsonObject source)
    {
        foreach (var (key, value) in source)
        {
            if (value is JsonObject child && target[key] is JsonObject existingChild)
            {
                MergeInto(existingChild, child);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }
}
