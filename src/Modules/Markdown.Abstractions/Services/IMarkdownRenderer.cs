using Microsoft.AspNetCore.Html;

namespace Modules.Markdown.Services;

/// <summary>Turns Markdown into HTML that is safe to put on a page. The Markdown module provides it.</summary>
public interface IMarkdownRenderer
{
    /// <summary>Renders; <paramref name="headingOffset"/> pushes headings down so they sit under the page's own.</summary>
    IHtmlContent Render(string? markdown, int headingOffset = 0);

    /// <summary>
    /// Renders what a reader wrote (a comment) with the same sanitiser, but for content the site does
    /// not vouch for: every link carries rel="nofollow ugc", images are left out, and headings start at h4.
    /// </summary>
    IHtmlContent RenderUserContent(string? markdown);

    /// <summary>The text of the rendered Markdown, without markup (for feeds' summaries and meta tags).</summary>
    string ToPlainText(string? markdown);
}
