using Modules.Markdown.Services;

namespace Site.Tests.Modules.Markdown;

/// <summary>
/// Issue 12: a text is rendered and sanitised once, not on every request that shows it. The renderer
/// keeps its output by the text itself, so an edited text is rendered anew and nothing is ever stale.
/// </summary>
public sealed class MarkdownCacheTests
{
    [Fact]
    public void TheSameText_IsRenderedOnce_AndAnEditedText_Anew()
    {
        using var renderer = new MarkdownRenderer();
        const string analysis = "An *analysis* with [a link](https://example.org/).";

        var first = renderer.Render(analysis).ToString();
        var again = renderer.Render(analysis).ToString();
        var edited = renderer.Render(analysis + " Edited.").ToString();

        Assert.Same(first, again);
        Assert.Contains("Edited.", edited, StringComparison.Ordinal);
        Assert.NotSame(first, renderer.Render(analysis, headingOffset: 1).ToString());
    }

    [Fact]
    public void AComment_AndAnEditorsText_AreKeptApart()
    {
        using var renderer = new MarkdownRenderer();
        const string text = "# A heading\n\n<b>raw</b> and ![image](https://example.org/a.png)";

        var editors = renderer.Render(text).ToString();
        var comment = renderer.RenderUserContent(text).ToString();

        Assert.Contains("<h1", editors, StringComparison.Ordinal);
        Assert.Contains("<h4", comment, StringComparison.Ordinal);
        Assert.Same(comment, renderer.RenderUserContent(text).ToString());
        Assert.Same(renderer.ToPlainText(text), renderer.ToPlainText(text));
    }
}
