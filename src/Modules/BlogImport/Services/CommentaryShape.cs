using System.Text.RegularExpressions;

namespace Modules.BlogImport.Services;

/// <summary>A post recognised as a News Commentary: its parts' values, in Markdown where the part takes Markdown.</summary>
public sealed record Commentary(string Attribution, string Headline, string Quote, string Analysis, string SourceUrl);

/// <summary>The commentary, or why the post does not have the shape (it then becomes a plain BlogPost).</summary>
public sealed record ShapeResult(Commentary? Commentary, string? Misfit);

/// <summary>
/// Recognises a post that quotes an article and comments on it, the way these blogs write them:
/// <code>
/// From the MT:                      ← rule 1, the attribution
/// “Putin, Lukashenko To Talk …”     ← rule 4, the headline (a heading, a bold line or a line in quotes)
/// Russian President …               ← rule 3, the quote: a &lt;blockquote&gt;, or what lies between the attribution and the analysis
/// Mass demonstrations               ← rule 5, a subhead in the quote, written "## Mass demonstrations"
/// ^ This will either mean … ^       ← rule 2, the analysis: between ^ marks, or what follows the blockquote
/// https://www.themoscowtimes.com/…  ← rule 6, the source: the last link or bare URL that is not the blog's own
/// </code>
/// Each rule is one method below with its own tests (CommentaryShapeTests). A post that breaks a rule is
/// not guessed at: the result names the rule it broke, and the import report shows that to the user.
/// </summary>
public static partial class CommentaryShape
{
    public static ShapeResult Recognise(IReadOnlyList<HtmlBlock> blocks, Uri? blogUrl)
    {
        // Rule 1: "From the X:" on a line of its own, among the first three blocks, names who is quoted.
        var (attributionAt, attribution) = Attribution(blocks);
        if (attributionAt < -1)
        {
            return Misfit("it has no \"From the …:\" line (nor a quote block citing its source) naming the quoted publication in its first lines");
        }

        // Rule 6 first, so that the source's own line is neither quote nor analysis.
        var (source, sourceError, sourceOnly) = Source(blocks, blogUrl);
        if (sourceError is not null)
        {
            return Misfit(sourceError);
        }

        var rest = blocks.Skip(attributionAt + 1).Where(b => !ReferenceEquals(b, sourceOnly)).ToList();
        var (quote, analysis) = QuoteAndAnalysis(rest);
        if (quote is null || analysis is null)
        {
            return Misfit("the quote cannot be told from the analysis: there is no <blockquote> and no analysis between ^ marks");
        }

        var (headline, quoteBlocks) = Headline(quote);
        var quoteMarkdown = string.Join("\n\n", quoteBlocks.Select(Subhead)).Trim();
        var analysisMarkdown = string.Join("\n\n", analysis.Select(b => b.Markdown)).Trim().Trim('^').Trim();
        if (quoteMarkdown.Length == 0)
        {
            return Misfit("the quote is empty");
        }

        return analysisMarkdown.Length == 0
            ? Misfit("the analysis is empty")
            : new ShapeResult(new Commentary(attribution, headline, quoteMarkdown, analysisMarkdown, source!), null);
    }

    /// <summary>
    /// Rule 1: the first of the first three blocks that reads "From [the] X:" gives X. Without one, a
    /// blockquote among them with its own &lt;cite&gt; (WordPress's wp:quote and wp:pullquote) gives its
    /// citation, and the quote starts there (the index returned is the block before it).
    /// </summary>
    public static (int Index, string Attribution) Attribution(IReadOnlyList<HtmlBlock> blocks)
    {
        for (var i = 0; i < Math.Min(3, blocks.Count); i++)
        {
            if (blocks[i].Kind is BlockKind.Paragraph or BlockKind.Heading && FromLine().Match(blocks[i].Text) is { Success: true } match)
            {
                return (i, match.Groups["who"].Value.Trim());
            }
        }

        for (var i = 0; i < Math.Min(3, blocks.Count); i++)
        {
            if (blocks[i].Kind == BlockKind.Quote && blocks[i].Cite.Length is > 0 and <= 200)
            {
                return (i - 1, blocks[i].Cite.TrimStart('—', '–', '-', ' '));
            }
        }

        return (-2, "");
    }

    /// <summary>
    /// Rules 2 and 3: a &lt;blockquote&gt; after the attribution is the quote, and the analysis is what follows
    /// it (or, if some block there starts with ^, what lies between the ^ marks). Without a blockquote, the
    /// analysis is between ^ marks (from a block starting with ^ to one ending with ^) and the quote is what
    /// lies between the attribution and it.
    /// </summary>
    public static (IReadOnlyList<HtmlBlock>? Quote, IReadOnlyList<HtmlBlock>? Analysis) QuoteAndAnalysis(IReadOnlyList<HtmlBlock> rest)
    {
        var quoteAt = rest.ToList().FindIndex(b => b.Kind == BlockKind.Quote);
        var searchFrom = quoteAt < 0 ? 0 : quoteAt + 1;
        var start = rest.Skip(searchFrom).ToList().FindIndex(b => b.Text.StartsWith('^'));
        List<HtmlBlock>? analysis = null;
        if (start >= 0)
        {
            start += searchFrom;
            var end = rest.Skip(start).ToList().FindIndex(b => b.Text.EndsWith('^'));
            analysis = rest.Skip(start).Take(end < 0 ? rest.Count - start : end + 1).ToList();
        }

        if (quoteAt >= 0)
        {
            return (rest[quoteAt].Children, analysis ?? rest.Skip(quoteAt + 1).ToList());
        }

        return start > 0 ? (rest.Take(start).ToList(), analysis) : (null, null);
    }

    /// <summary>Rule 4: the quote's first block, when it is a heading, a wholly bold line or a line in quotation marks, is the headline.</summary>
    public static (string Headline, IReadOnlyList<HtmlBlock> Remaining) Headline(IReadOnlyList<HtmlBlock> quote)
    {
        if (quote.Count > 1 && quote[0] is { } first && first.Text.Length <= 300
            && (first.Kind == BlockKind.Heading || first.AllBold || QuotedLine().IsMatch(first.Text)))
        {
            return (first.Text.Trim('“', '”', '"', '«', '»', '„', ' '), quote.Skip(1).ToList());
        }

        return ("", quote);
    }

    /// <summary>Rule 5: in the quote, a heading or a short wholly bold line is a subhead, written "## …".</summary>
    public static string Subhead(HtmlBlock block)
        => block.Kind == BlockKind.Heading || (block.AllBold && block.Text.Length <= 120) ? "## " + Markdown.Escape(block.Text) : block.Markdown;

    /// <summary>
    /// Rule 6: the source is the last link or bare URL in the post that is not the blog's own (nor Blogger's).
    /// It must be http or https: a javascript: or data: address is refused, naming it. A block that holds
    /// only the source is returned so it is left out of the quote and the analysis.
    /// </summary>
    public static (string? Url, string? Error, HtmlBlock? SourceOnly) Source(IReadOnlyList<HtmlBlock> blocks, Uri? blogUrl)
    {
        var candidates = blocks.SelectMany(b => b.Links.Concat(BareUrl().Matches(b.Text).Select(m => m.Value.TrimEnd('.', ',', ')', ';')))
            .Select(url => (Block: b, Url: url)))
            .Where(c => !IsOwn(c.Url, blogUrl) && !c.Url.StartsWith('#') && !c.Url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (candidates.Count == 0)
        {
            return (null, "it links to no article outside the blog, so it has no source", null);
        }

        var (block, url) = candidates[^1];
        if (!(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            var shown = url.Length > 60 ? url[..60] + "…" : url;
            return (null, $"its source address '{shown}' is not an http or https address", null);
        }

        var only = block.Kind == BlockKind.Paragraph && block.Text.Trim() == url || block.Links.Count == 1 && block.Text.Length <= url.Length + 2;
        return (url, null, only ? block : null);
    }

    private static bool IsOwn(string url, Uri? blogUrl)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is "file")
        {
            // A relative link is the blog's own page.
            return !url.Contains(':', StringComparison.Ordinal);
        }

        return (blogUrl is not null && string.Equals(uri.Host, blogUrl.Host, StringComparison.OrdinalIgnoreCase))
            || uri.Host.EndsWith("blogger.com", StringComparison.OrdinalIgnoreCase)
            || uri.Host.EndsWith("bp.blogspot.com", StringComparison.OrdinalIgnoreCase);
    }

    private static ShapeResult Misfit(string reason) => new(null, reason);

    [GeneratedRegex(@"^From\s+(?:the\s+)?(?<who>[^:]{1,100}):$", RegexOptions.IgnoreCase)]
    private static partial Regex FromLine();

    [GeneratedRegex(@"^\s*[“""«„].+[”""»“]\s*$")]
    private static partial Regex QuotedLine();

    [GeneratedRegex(@"\b(?:https?|javascript|data|vbscript):[^\s<>""]+", RegexOptions.IgnoreCase)]
    private static partial Regex BareUrl();
}
