using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Modules.BlogImport.Services;

/// <summary>What a block of a post is: the commentary rules look at blocks, never at raw HTML.</summary>
public enum BlockKind
{
    Paragraph,
    Heading,
    List,
    Quote,
}

/// <summary>
/// One block of a post: a paragraph (or a line ended by &lt;br&gt;, as Blogger's editor writes them),
/// a heading, a list or a blockquote (whose own blocks are in <see cref="Children"/>), already in Markdown.
/// </summary>
public sealed record HtmlBlock(BlockKind Kind, string Markdown, string Text, IReadOnlyList<string> Links, IReadOnlyList<HtmlBlock> Children)
{
    /// <summary>True when the whole text is bold (&lt;b&gt;, &lt;strong&gt;): Blogger's editors write headlines so.</summary>
    public bool AllBold { get; init; }

    /// <summary>A blockquote's own &lt;cite&gt; (WordPress's quote and pullquote blocks): who is quoted; "" when none.</summary>
    public string Cite { get; init; } = "";
}

/// <summary>
/// Splits a post's HTML (parsed by AngleSharp, leniently, as a browser would) into blocks. Containers
/// (div, span, section, article, center, font) are looked through; &lt;br&gt; ends a line; scripts, styles,
/// frames, forms, images and media are dropped with what they hold.
/// </summary>
public static class HtmlBlocks
{
    private static readonly HashSet<string> s_dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "iframe", "object", "embed", "form", "input", "button", "select", "textarea", "img", "video",
        "audio", "svg", "canvas", "noscript", "template", "head", "title", "meta", "link", "picture", "source", "map",
    };

    private static readonly HashSet<string> s_containers = new(StringComparer.OrdinalIgnoreCase)
    {
        "div", "section", "article", "center", "main", "header", "footer", "aside", "figure", "figcaption", "table", "tbody", "thead", "tr", "td", "th", "dl", "dt", "dd", "body", "html",
    };

    public static IReadOnlyList<HtmlBlock> Parse(string html)
    {
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        return Split(document.Body!);
    }

    public static IReadOnlyList<HtmlBlock> Split(INode parent)
    {
        var blocks = new List<HtmlBlock>();
        var run = new List<INode>();
        foreach (var node in parent.ChildNodes)
        {
            if (node is not IElement element)
            {
                // Text only: an HTML comment (Gutenberg's "<!-- wp:quote -->") is markup, not words.
                if (node is IText)
                {
                    run.Add(node);
                }

                continue;
            }

            var name = element.LocalName;
            if (s_dropped.Contains(name))
            {
                continue;
            }

            if (name == "br" || name == "hr" || name == "p" || name == "pre" || name is "ul" or "ol" or "blockquote" || IsHeading(name) || s_containers.Contains(name))
            {
                Flush(run, blocks);
            }

            switch (name)
            {
                case "br" or "hr":
                    break;
                case "p" or "pre":
                    blocks.AddRange(Split(element));
                    break;
                case "ul" or "ol":
                    var items = element.Children.Where(c => c.LocalName == "li").Select(li => Markdown.Inline(li.ChildNodes).Trim()).Where(l => l.Length > 0)
                        .Select((text, i) => (name == "ol" ? $"{i + 1}. " : "- ") + text);
                    var list = string.Join("\n", items);
                    if (list.Length > 0)
                    {
                        blocks.Add(new HtmlBlock(BlockKind.List, list, Markdown.Collapse(element.TextContent), Links(element), []));
                    }

                    break;
                case "blockquote":
                    // Gutenberg's quote and pullquote blocks name their source in a <cite> of their own.
                    var cite = element.Children.FirstOrDefault(c => c.LocalName == "cite");
                    cite?.Remove();
                    var children = Split(element);
                    if (children.Count > 0)
                    {
                        blocks.Add(new HtmlBlock(BlockKind.Quote, string.Join("\n>\n", children.Select(c => "> " + c.Markdown.Replace("\n", "\n> ", StringComparison.Ordinal))), Markdown.Collapse(element.TextContent), Links(element), children)
                        {
                            Cite = cite is null ? "" : Markdown.Collapse(cite.TextContent),
                        });
                    }

                    break;
                case var heading when IsHeading(heading):
                    var text = Markdown.Inline(element.ChildNodes).Trim();
                    if (text.Length > 0)
                    {
                        blocks.Add(new HtmlBlock(BlockKind.Heading, "## " + text, Markdown.Collapse(element.TextContent), Links(element), []));
                    }

                    break;
                case var container when s_containers.Contains(container):
                    blocks.AddRange(Split(element));
                    break;
                default:
                    run.Add(element);
                    break;
            }
        }

        Flush(run, blocks);
        return blocks;
    }

    private static void Flush(List<INode> run, List<HtmlBlock> blocks)
    {
        if (run.Count == 0)
        {
            return;
        }

        // A span or font wrapping whole lines (Blogger's editor does that) is looked through, lines and all.
        if (run.OfType<IElement>().Any(e => e.QuerySelector("br, p, div, blockquote, h1, h2, h3, h4, h5, h6, ul, ol") is not null))
        {
            var nodes = run.ToList();
            run.Clear();
            foreach (var node in nodes)
            {
                if (node is IElement element && element.QuerySelector("br, p, div, blockquote, h1, h2, h3, h4, h5, h6, ul, ol") is not null)
                {
                    Flush(run, blocks);
                    blocks.AddRange(Split(element));
                }
                else
                {
                    run.Add(node);
                }
            }

            Flush(run, blocks);
            return;
        }

        var markdown = Markdown.Inline(run).Trim();
        var text = Markdown.Collapse(string.Concat(run.Select(n => n.TextContent)));
        if (text.Length > 0 && markdown.Length > 0)
        {
            var bold = run.Where(n => n is IElement || n.TextContent.Trim().Length > 0).ToList();
            var allBold = bold.Count == 1 && bold[0] is IElement { LocalName: "b" or "strong" };
            blocks.Add(new HtmlBlock(BlockKind.Paragraph, markdown, text, run.SelectMany(LinksOf).ToList(), []) { AllBold = allBold });
        }

        run.Clear();
    }

    private static IEnumerable<string> LinksOf(INode node)
        => node is IElement element ? Links(element) : [];

    private static List<string> Links(IElement element)
    {
        List<IElement> anchors = element.LocalName == "a" ? [element] : [.. element.QuerySelectorAll("a[href]")];
        return anchors.Select(a => a.GetAttribute("href")?.Trim()).OfType<string>().Where(h => h.Length > 0).ToList();
    }

    private static bool IsHeading(string name) => name.Length == 2 && name[0] == 'h' && name[1] is >= '1' and <= '6';
}
