namespace Modules.NewsCommentary.Services;

/// <summary>The opening of a quoted passage for lists: its first paragraph, skipping subheads.</summary>
public static class QuoteExcerpt
{
    public static (string Markdown, bool IsWhole) From(string? text)
    {
        var blocks = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var paragraphs = blocks.Where(b => !b.StartsWith('#')).ToList();
        if (paragraphs.Count == 0)
        {
            return ("", true);
        }

        return (paragraphs[0], blocks.Length == 1);
    }
}
