using Cms.Display;
using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Microsoft.AspNetCore.Html;

namespace Modules.Markdown.Services;

/// <summary>
/// Markdown to safe HTML in two locks: Markdig is told to treat raw HTML as text, and the output
/// still goes through an allow-list sanitiser, so neither alone has to be perfect.
/// </summary>
public sealed class MarkdownRenderer : IMarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseAutoLinks()
        .UseListExtras()
        .DisableHtml()
        .UseGenericAttributes() // last, as Markdig asks; ImageSizeAttributes keeps only an image's width and height
        .Build();

    private readonly HtmlSanitizer _sanitizer = SafeHtml.CreateSanitizer();
    private readonly HtmlSanitizer _userSanitizer = SafeHtml.CreateUserContentSanitizer();

    public IHtmlContent Render(string? markdown, int headingOffset = 0) => Render(markdown, headingOffset, _sanitizer);

    /// <summary>A comment's headings start at h4: they sit under the post's h1 and the thread's h2 and h3.</summary>
    public IHtmlContent RenderUserContent(string? markdown) => Render(markdown, 3, _userSanitizer);

    public string ToPlainText(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        try
        {
            return Markdig.Markdown.ToPlainText(markdown, _pipeline).Trim();
        }
        catch (ArgumentException)
        {
            // Markdig's nesting limit (thousands of '[' or '>'): such text is not sensible Markdown; keep it as text.
            return markdown.Trim();
        }
    }

    private HtmlString Render(string? markdown, int headingOffset, HtmlSanitizer sanitizer)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return HtmlString.Empty;
        }

        string html;
        try
        {
            var document = Markdig.Markdown.Parse(markdown, _pipeline);
            ImageSizeAttributes.Restrict(document);
            if (headingOffset != 0)
            {
                foreach (var heading in document.Descendants<HeadingBlock>())
                {
                    heading.Level = Math.Clamp(heading.Level + headingOffset, 1, 6);
                }
            }

            html = document.ToHtml(_pipeline);
        }
        catch (ArgumentException)
        {
            // Nested past Markdig's limit (a wall of '[' or '>'): shown as the text it is, never an error page.
            html = "<p>" + System.Net.WebUtility.HtmlEncode(markdown) + "</p>";
        }

        return new HtmlString(sanitizer.Sanitize(html));
    }
}
