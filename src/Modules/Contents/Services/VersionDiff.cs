using System.Text;
using System.Text.Json.Nodes;
using Cms.Content;
using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Modules.Contents.ViewModels;

namespace Modules.Contents.Services;

/// <summary>
/// Two versions of an item side by side, line by line (DiffPlex): each version is written as the text an
/// editor typed (the title, author and date, then each part's fields under their names), so the
/// comparison shows words that changed, not JSON.
/// </summary>
public static class VersionDiff
{
    public static IReadOnlyList<DiffRow> Compare(ContentItem older, ContentItem newer)
    {
        var model = new SideBySideDiffBuilder(new Differ()).BuildDiffModel(AsText(older), AsText(newer), ignoreWhitespace: false);
        var rows = new List<DiffRow>(Math.Max(model.OldText.Lines.Count, model.NewText.Lines.Count));
        for (var i = 0; i < Math.Max(model.OldText.Lines.Count, model.NewText.Lines.Count); i++)
        {
            var left = i < model.OldText.Lines.Count ? model.OldText.Lines[i] : null;
            var right = i < model.NewText.Lines.Count ? model.NewText.Lines[i] : null;
            rows.Add(new DiffRow(Cell(left), Cell(right)));
        }

        return rows;
    }

    /// <summary>The version as the text of its fields, one heading line per field.</summary>
    public static string AsText(ContentItem item)
    {
        var text = new StringBuilder();
        Field(text, "Title", item.DisplayText);
        Field(text, "Author", item.Author);
        Field(text, "Published (UTC)", item.PublishedUtc?.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (partName, part) in item.Content)
        {
            if (part is not JsonObject fields)
            {
                continue;
            }

            foreach (var (fieldName, value) in fields)
            {
                Field(text, $"{partName} › {fieldName}", ValueText(value));
            }
        }

        return text.ToString();
    }

    private static void Field(StringBuilder text, string name, string? value)
    {
        text.Append('[').Append(name).Append("]\n");
        text.Append(string.IsNullOrEmpty(value) ? "(empty)" : value.Replace("\r\n", "\n", StringComparison.Ordinal)).Append('\n');
    }

    private static string? ValueText(JsonNode? value) => value switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonArray array => string.Join(", ", array.Select(ValueText)),
        _ => value.ToJsonString(),
    };

    private static DiffCell? Cell(DiffPiece? piece) => piece is null || piece.Type == ChangeType.Imaginary
        ? null
        : new DiffCell(piece.Position, piece.Text ?? "", piece.Type switch
        {
            ChangeType.Inserted => DiffKind.Added,
            ChangeType.Deleted => DiffKind.Removed,
            ChangeType.Modified => DiffKind.Changed,
            _ => DiffKind.Same,
        });
}
