using Modules.BlogImport.Services;

namespace Site.Tests.Modules.BlogImport;

/// <summary>HTML to Markdown (AngleSharp): paragraphs, emphasis, links, lists and headings are kept; everything else goes.</summary>
public sealed class HtmlToMarkdownTests
{
    private static string Convert(string html) => string.Join("\n\n", HtmlBlocks.Parse(html).Select(b => b.Markdown));

    [Fact]
    public void ParagraphsAndLineBreaks_BecomeParagraphs()
        => Assert.Equal("One.\n\nTwo.\n\nThree.", Convert("<p>One.</p><div>Two.<br/><br/>Three.</div>"));

    [Fact]
    public void Emphasis_IsKept()
        => Assert.Equal("An *italic* and a **bold** word.", Convert("<p>An <i>italic</i> and a <strong>bold </strong>word.</p>"));

    [Fact]
    public void SafeLinks_AreKept_AndOthersKeepOnlyTheirText()
        => Assert.Equal("[site](https://a.example.org/x) and bad and [mail](mailto:a@example.org)",
            Convert("<p><a href=\"https://a.example.org/x\">site</a> and <a href=\"javascript:alert(1)\">bad</a> and <a href=\"mailto:a@example.org\">mail</a></p>"));

    [Fact]
    public void Lists_AreKept()
        => Assert.Equal("- a\n- *b*\n\n1. one\n2. two", Convert("<ul><li>a</li><li><em>b</em></li></ul><ol><li>one</li><li>two</li></ol>"));

    [Fact]
    public void Headings_BecomeSecondLevel()
        => Assert.Equal("## Title\n\nText.", Convert("<h1>Title</h1><p>Text.</p>"));

    [Fact]
    public void ScriptsStylesImagesAndFrames_AreDropped()
        => Assert.Equal("Kept.", Convert("<script>alert(1)</script><style>p{}</style><p>Kept.<img src=x onerror=alert(1)></p><iframe src=\"https://e.example.org\"></iframe>"));

    [Fact]
    public void MarkupInText_IsEscaped()
        => Assert.Equal(@"a \<b\> \*c\* \[d\]", Convert("<p>a &lt;b&gt; *c* [d]</p>"));

    [Fact]
    public void SpansWrappingLines_AreLookedThrough()
        => Assert.Equal("One.\n\nTwo.", Convert("<span style=\"font-family: x\">One.<br/><br/>Two.</span>"));
}
