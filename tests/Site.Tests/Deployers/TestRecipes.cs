namespace Site.Tests.Deployers;

/// <summary>The recipes the admin tests' own folder holds.</summary>
public static class TestRecipes
{
    public const string Demo = """
        {
          "name": "Demo",
          "displayName": "Demo Notes",
          "description": "Adds the Note type and one note.",
          "author": "Test Author",
          "website": "https://example.org",
          "version": "2.1.0",
          "issetuprecipe": false,
          "categories": [ "testing" ],
          "tags": [ "notes" ],
          "steps": [
            {
              "name": "ContentDefinition",
              "ContentTypes": [ { "Name": "Note", "DisplayName": "Note", "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" }, { "PartName": "MarkdownBodyPart", "Name": "MarkdownBodyPart" } ] } ]
            },
            { "name": "content", "Data": [ { "ContentItemId": "demonote00000000000000001", "ContentType": "Note", "TitlePart": { "Title": "First Note" }, "MarkdownBodyPart": { "Markdown": "Hello." } } ] }
          ]
        }
        """;

    public static readonly IReadOnlyList<(string File, string Json)> Files =
    [
        ("demo.recipe.json", Demo),
        ("hidden.recipe.json", """{ "name": "HiddenOne", "tags": [ "hidden" ], "steps": [] }"""),
        ("broken.recipe.json", """{ "name": "BrokenOne", "displayName": "Broken One", "steps": [ { "name": "media", "Files": [] }, { "name": "feature", "enable": [ "NoSuchFeature" ] } ] }"""),
    ];
}
