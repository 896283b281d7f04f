using System.Text.Encodings.Web;
using Cms.Display;
using Modules.Markdown.Services;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.Markdown;

/// <summary>Markdown from editors becomes HTML in which nothing can run, and ordinary Markdown still renders.</summary>
public sealed class MarkdownSanitizerTests
{
    // The renderer the Markdown module registers, built directly: no site is booted.
    private readonly IMarkdownRenderer _renderer = new MarkdownRenderer();

    private static readonly string[] s_forbiddenElements =
        ["script", "style", "iframe", "object", "embed", "svg", "math", "form", "input", "link", "meta", "base"];

    private static readonly string[] s_forbiddenSchemes = ["javascript:", "vbscript:", "data:"];

    private static readonly char[] s_c0ControlsAndSpace = [.. Enumerable.Range(0, 0x21).Select(c => (char)c)];

    public static TheoryData<string> HostileMarkdown =>
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](java&#x09;script:alert(1))",
        "![x](javascript:alert(1))",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
        "<details open ontoggle=alert(1)>",
        "<javascript:alert(1)>",
        "[x][evil]\n\n[evil]: javascript:alert(1)",
        "<form action=x><input></form>",
        "<object data=\"https://evil.example/x.swf\"></object><embed src=\"https://evil.example/x.swf\">",
        "<style>body{display:none}</style><link rel=stylesheet href=https://evil.example/x.css>",
        "<meta http-equiv=refresh content=\"0;url=javascript:alert(1)\"><base href=\"javascript:/\">",
        "[x](vbscript:msgbox(1))",
        "Text with *emphasis* and <b onmouseover=alert(1)>bold</b>.",
        "![x](https://images.example.org/x.png){onerror=alert(1) style=\"position:fixed\" width=800}",
        "# Heading {onclick=alert(1) style=\"display:none\"}",
        "[x](https://example.org){onmouseover=alert(1) style=\"color:red\"}",
    ];

    /// <summary>Attributes in braces that must not reach the page: only an image's whole-pixel width and height may.</summary>
    public static TheoryData<string> AttributesOtherThanImageSize =>
    [
        "![A map](https://images.example.org/map.png){#main .wide style=\"width:9999px\" onload=alert(1) data-x=1 title=t}",
        "![A map](https://images.example.org/map.png){width=100% height=-5}",
        "![A map](https://images.example.org/map.png){width=800px height=\"450 \"}",
        "![A map](https://images.example.org/map.png){width=0 height=99999}",
        "# Heading {#main .title}",
        "A paragraph. {#main .lead width=800}",
        "[a link](https://example.org){#main .button width=800 height=450}",
        "- an item {#main}",
    ];

    [Theory]
    [MemberData(nameof(HostileMarkdown))]
    public void Render_OutputsNothingExecutable_WhenMarkdownIsHostile(string markdown)
    {
        var document = Html.Parse(Render(markdown));

        foreach (var name in s_forbiddenElements)
        {
            Assert.Empty(document.GetElementsByTagName(name));
        }

        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"<{element.LocalName}> has {attribute.Name}.");
                Assert.NotEqual("style", attribute.LocalName);
            }

            foreach (var name in new[] { "href", "src", "xlink:href", "action", "formaction", "data" })
            {
                if (element.GetAttribute(name) is { } url)
                {
                    var scheme = Scheme(url);
                    Assert.DoesNotContain(scheme, s_forbiddenSchemes);
                }
            }
        }
    }

    [Fact]
    public void Render_OutputsStrong_WhenTextIsBold()
    {
        var document = Html.Parse(Render("Some **bold** words."));

        Assert.Equal("bold", document.QuerySelector("p > strong")?.TextContent);
    }

    [Fact]
    public void Render_KeepsHref_WhenLinkIsHttps()
    {
        var document = Html.Parse(Render("Read [the source](https://www.themoscowtimes.com/2020/09/11/x)."));

        var link = document.QuerySelector("a");
        Assert.NotNull(link);
        Assert.Equal("https://www.themoscowtimes.com/2020/09/11/x", link.GetAttribute("href"));
        Assert.Equal("the source", link.TextContent);
    }

    [Fact]
    public void Render_PushesHeadingDown_WhenHeadingOffsetIsOne()
    {
        var document = Html.Parse(Render("## Heading", headingOffset: 1));

        Assert.Null(document.QuerySelector("h2"));
        Assert.Equal("Heading", document.QuerySelector("h3")?.TextContent);
    }

    [Fact]
    public void Render_OutputsTable_WhenMarkdownHasPipeTable()
    {
        var document = Html.Parse(Render("| Country | Leader |\n| --- | --- |\n| Belarus | Lukashenko |"));

        var table = document.QuerySelector("table");
        Assert.NotNull(table);
        Assert.Equal(["Country", "Leader"], table.QuerySelectorAll("thead th").Select(th => th.TextContent));
        Assert.Equal(["Belarus", "Lukashenko"], table.QuerySelectorAll("tbody td").Select(td => td.TextContent));
    }

    [Fact]
    public void Render_MakesImagesLazy_WhenMarkdownHasImage()
    {
        var document = Html.Parse(Render("![A map](https://images.example.org/map.png)"));

        var image = document.QuerySelector("img");
        Assert.NotNull(image);
        Assert.Equal("https://images.example.org/map.png", image.GetAttribute("src"));
        Assert.Equal("lazy", image.GetAttribute("loading"));
    }

    [Fact]
    public void Render_KeepsImageWidthAndHeight_LazyAndAsync_WhenAuthorGivesThem()
    {
        var document = Html.Parse(Render("![A map](https://images.example.org/map.png){width=800 height=450}"));

        var image = document.QuerySelector("img");
        Assert.NotNull(image);
        Assert.Equal("800", image.GetAttribute("width"));
        Assert.Equal("450", image.GetAttribute("height"));
        Assert.Equal("async", image.GetAttribute("decoding"));
        Assert.Equal(["alt", "decoding", "height", "loading", "src", "width"], image.Attributes.Select(a => a.Name).Order());
    }

    [Theory]
    [MemberData(nameof(AttributesOtherThanImageSize))]
    public void Render_DropsBracedAttributes_OtherThanAnImagesPixelSize(string markdown)
    {
        var html = Render(markdown);
        var document = Html.Parse(html);

        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            var names = element.Attributes.Select(a => a.Name).ToList();
            Assert.DoesNotContain("id", names);
            Assert.DoesNotContain("class", names);
            Assert.DoesNotContain("style", names);
            Assert.DoesNotContain("title", names);
            Assert.DoesNotContain(names, n => n.StartsWith("on", StringComparison.Ordinal) || n.StartsWith("data-", StringComparison.Ordinal));
            if (element.LocalName != "img")
            {
                Assert.DoesNotContain("width", names);
                Assert.DoesNotContain("height", names);
            }
        }

        // No size that is not a whole number of pixels (1 to 10,000) gets through either.
        var image = document.QuerySelector("img");
        Assert.True(image is null || (image.GetAttribute("width") is null && image.GetAttribute("height") is null), html);
        // The braces are read as attributes, never shown as text.
        Assert.DoesNotContain("{", document.Body.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderUserContent_DropsBracedAttributes_InComments()
    {
        var content = _renderer.RenderUserContent("[a link](https://example.org){#main .x onclick=alert(1)} and ![img](https://i.example.org/p.png){width=1 height=1}");
        using var writer = new StringWriter();
        content.WriteTo(writer, HtmlEncoder.Default);
        var document = Html.Parse(writer.ToString());

        var link = document.QuerySelector("a");
        Assert.NotNull(link);
        Assert.Equal(["href", "rel"], link.Attributes.Select(a => a.Name).Order());
        Assert.Null(document.QuerySelector("img"));
    }

    private string Render(string markdown, int headingOffset = 0)
    {
        var content = _renderer.Render(markdown, headingOffset);
        using var writer = new StringWriter();
        content.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    /// <summary>
    /// The scheme a browser would see: the URL standard drops leading and trailing C0 controls and
    /// spaces and every tab and newline before it reads the scheme. "" when the URL has none.
    /// </summary>
    private static string Scheme(string url)
    {
        var cleaned = new string([.. url.Trim(s_c0ControlsAndSpace).Where(c => c is not ('\t' or '\n' or '\r'))]).ToLowerInvariant();
        var colon = cleaned.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && cleaned[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.')
            ? cleaned[..(colon + 1)]
            : "";
    }
}
