using Microsoft.AspNetCore.Html;

namespace Cms.Display;

/// <summary>Turns Markdown into HTML that is safe to put on a page. The Markdown module provides it.</summary>
public interface IMarkdownRenderer
{
    /// <summary>Renders; <paramref name="headingOffset"/> pushes headings down so they sit under the page's own.</summary>
    IHtmlContent Render(string? markdown, int headingOffset = 0);

    /// <summary>The text of the rendered Markdown, without markup (for feeds' summaries and meta tags).</summary>
    string ToPlainText(string? markdown);
}
