using System.Text.Json.Nodes;

namespace Cms.ContentDefinitions;

/// <summary>
/// A content type, in Orchard's record shape so recipes and exports carry it unchanged.
/// Settings stay JSON: each part or module reads the settings object named after it.
/// </summary>
public sealed class ContentTypeDefinition
{
    public string Name { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public JsonObject Settings { get; set; } = [];
    public List<ContentTypePartDefinition> ContentTypePartDefinitionRecords { get; set; } = [];

    public ContentTypeSettings GetSettings() => ContentTypeSettings.From(Settings);

    /// <summary>The type's parts in display order (by their Position setting).</summary>
    public IEnumerable<ContentTypePartDefinition> OrderedParts()
        => ContentTypePartDefinitionRecords
            .Select((p, index) => (Part: p, Index: index))
            .OrderBy(x => x.Part.Position ?? x.Index)
            .ThenBy(x => x.Index)
            .Select(x => x.Part);
}

public sealed class ContentTypePartDefinition
{
    /// <summary>The part definition's name (e.g. TitlePart).</summary>
    public string PartName { get; set; } = "";

    /// <summary>The part's name within the type; equal to PartName unless a reusable part is attached twice.</summary>
    public string Name { get; set; } = "";

    public JsonObject Settings { get; set; } = [];

    public double? Position => SettingsReader.ReadPosition(Settings);

    /// <summary>The settings object named e.g. "AutoroutePartSettings", or null.</summary>
    public JsonObject? GetSettings(string name) => Settings[name] as JsonObject;
}

public sealed class ContentPartDefinition
{
    public string Name { get; set; } = "";
    public JsonObject Settings { get; set; } = [];
    public List<ContentPartFieldDefinition> ContentPartFieldDefinitionRecords { get; set; } = [];
}

public sealed class ContentPartFieldDefinition
{
    /// <summary>The field type, e.g. TextField.</summary>
    public string FieldName { get; set; } = "";
    public string Name { get; set; } = "";
    public JsonObject Settings { get; set; } = [];
}

/// <summary>All definitions of the site: stored as one document.</summary>
public sealed class ContentDefinitionDocument
{
    public const string DocumentId = "ContentDefinition";

    public List<ContentTypeDefinition> ContentTypes { get; set; } = [];
    public List<ContentPartDefinition> ContentParts { get; set; } = [];
}
