using System.Text.Json.Nodes;

namespace Site.Tests.Reliability;

/// <summary>A recipe with one content step of many generated News Commentary posts, each with a word of its own ({marker}{n}).</summary>
public static class ImportRecipe
{
    public static string Posts(int count, string marker)
    {
        var items = new JsonArray();
        for (var i = 1; i <= count; i++)
        {
            items.Add(new JsonObject
            {
                ["ContentItemId"] = $"{marker}{i:D15}"[..Math.Min(26, marker.Length + 15)],
                ["ContentType"] = "NewsCommentary",
                ["Published"] = true,
                ["Latest"] = true,
                ["PublishedUtc"] = $"2021-{i % 12 + 1:00}-{i % 28 + 1:00}T10:00:00Z",
                ["TitlePart"] = new JsonObject { ["Title"] = $"Imported post {i}" },
                ["AutoroutePart"] = new JsonObject { ["Path"] = $"imported/{marker}-{i}" },
                ["QuotePart"] = new JsonObject
                {
                    ["Headline"] = $"Kremlin weighs integration talks {i}",
                    ["Attribution"] = "Import Wire",
                    ["Text"] = $"Russian President Vladimir Putin and Belarus strongman Alexander Lukashenko will discuss plans to further integrate their countries. {marker}{i}",
                },
                ["AnalysisPart"] = new JsonObject { ["Markdown"] = $"Analysis of post {i}: the *integration* question again." },
                ["SourceLinkPart"] = new JsonObject { ["Url"] = $"https://news.example.invalid/story-{i}", ["Title"] = $"Story {i}", ["Publication"] = "Import Wire" },
            });
        }

        var recipe = new JsonObject
        {
            ["name"] = "Import" + count,
            ["displayName"] = $"{count} generated posts",
            ["steps"] = new JsonArray(new JsonObject { ["name"] = "content", ["Data"] = items }),
        };
        return recipe.ToJsonString();
    }
}
