using System.Text.Json.Nodes;

namespace Modules.BlogImport.Services;

/// <summary>
/// The plain post an import makes of a post without the commentary shape: TitlePart, AutoroutePart (dated
/// addresses, as NewsCommentary's), MarkdownBodyPart, TagsPart and CommentsPart. Defined by the import's own
/// ContentDefinition step, so a site gets it with its first import and an export carries it.
/// </summary>
public static class BlogPostType
{
    public const string Name = "BlogPost";

    public static JsonObject Step() => new()
    {
        ["name"] = "ContentDefinition",
        ["ContentTypes"] = new JsonArray(new JsonObject
        {
            ["Name"] = Name,
            ["DisplayName"] = "Blog Post",
            ["Settings"] = new JsonObject
            {
                ["ContentTypeSettings"] = new JsonObject
                {
                    ["Creatable"] = true, ["Listable"] = true, ["Draftable"] = true, ["Versionable"] = true, ["Securable"] = true,
                },
            },
            ["ContentTypePartDefinitionRecords"] = new JsonArray(
                Part("TitlePart", 0),
                Part("AutoroutePart", 1, new JsonObject
                {
                    ["AutoroutePartSettings"] = new JsonObject
                    {
                        ["Pattern"] = "{{ ContentItem.PublishedUtc | default: ContentItem.CreatedUtc | date: '%Y/%m/%d' }}/{{ ContentItem.DisplayText | slugify }}",
                        ["AllowCustomPath"] = true,
                    },
                }),
                Part("MarkdownBodyPart", 2),
                Part("TagsPart", 3),
                Part("CommentsPart", 4)),
        }),
        ["ContentParts"] = new JsonArray(),
    };

    private static JsonObject Part(string name, int position, JsonObject? settings = null)
    {
        settings ??= [];
        settings["ContentTypePartSettings"] = new JsonObject { ["Position"] = position.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return new JsonObject { ["PartName"] = name, ["Name"] = name, ["Settings"] = settings };
    }
}
