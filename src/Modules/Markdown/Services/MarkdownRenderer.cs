using Cms.Display;
using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Caching.Memory;

namespace Modules.Markdown.Services;

/// <summary>
/// Markdown to safe HTML in two locks: Markdig is told to treat raw HTML as text, and the output
/// still goes through an allow-list sanitiser, so neither alone has to be perfect.
/// The output depends on the text alone, so each text is rendered once and kept (by its content, so an
/// edit is a new entry and nothing is ever stale): rendering and sanitising were half of what a post
/// page with 20 comments allocated, on every request (bench/README.md, issue 12).
/// </summary>
public sealed class MarkdownRenderer : IMarkdownRenderer, IDisposable
{
    /// <summary>
    /// Characters of source and output kept, at most (about 8 MB: the texts of about a thousand posts, or of every
    /// comment of a busy week); the least used go first. Bounded for issue 12's memory target (peak under 250 MiB):
    /// the pages readers ask for most are answered from the output cache anyway, without rendering anything.
    /// </summary>
    public const long CacheCharacters = 4 * 1024 * 1024;

    private const int UserContent = int.MinValue, PlainText = int.MinValue + 1;

    private readonly MemoryCache _rendered = new(new MemoryCacheOptions { SizeLimit = CacheCharacters, CompactionPercentage = 0.25 });

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseAutoLinks()
        .UseListExtras()
        .DisableHtml()
        .UseGenericAttributes() // last, as Markdig asks; ImageSizeAttributes keeps only an image's width and height
        .Build();

    // Built on first use: each takes AngleSharp's HTML and CSS tables, a tenth of a start's CPU for the two, and the
    // command line's import only ever asks for plain text (the site builds them at its start: MarkdownWarmup).
    private readonly Lazy<HtmlSanitizer> _sanitizer = new(SafeHtml.CreateSanitizer);
    private readonly Lazy<HtmlSanitizer> _userSanitizer = new(SafeHtml.CreateUserContentSanitizer);

    public IHtmlContent Render(string? markdown, int headingOffset = 0) => Render(markdown, headingOffset, user: false);

    /// <summary>A comment's headings start at h4: they sit under the post's h1 and the thread's h2 and h3.</summary>
    public IHtmlContent RenderUserContent(string? markdown) => Render(markdown, 3, user: true);

    public string ToPlainText(string? markdown)
        => string.IsNullOrWhiteSpace(markdown) ? "" : Kept(PlainText, markdown, PlainTextNow);

    public void Dispose() => _rendered.Dispose();

    private HtmlString Render(string? markdown, int headingOffset, bool user)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return HtmlString.Empty;
        }

        var kind = user ? UserContent : headingOffset;
        return new HtmlString(Kept(kind, markdown, text => RenderNow(text, headingOffset, user ? _userSanitizer.Value : _sanitizer.Value)));
    }

    private string Kept(int kind, string markdown, Func<string, string> render)
    {
        var key = new Key(kind, markdown);
        if (_rendered.TryGetValue(key, out string? kept))
        {
            return kept!;
        }

        var output = render(markdown);
        _rendered.Set(key, output, new MemoryCacheEntryOptions { Size = markdown.Length + output.Length + 64 });
        return output;
    }

    private string PlainTextNow(string markdown)
    {
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

    private string RenderNow(string markdown, int headingOffset, HtmlSanitizer sanitizer)
    {
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

        return sanitizer.Sanitize(html);
    }

    /// <summary>What a text was rendered as (a heading offset, user content, plain text) and the text itself.</summary>
    private readonly record struct Key(int Kind, string Markdown);
}
