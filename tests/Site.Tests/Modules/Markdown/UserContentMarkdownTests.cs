using System.Text.Encodings.Web;
using Cms.Display;
using Modules.Markdown.Services;

namespace Site.Tests.Modules.Markdown;

/// <summary>IMarkdownRenderer.RenderUserContent: what readers write is sanitised like posts, its links carry no weight, and it shows no images.</summary>
public sealed class UserContentMarkdownTests
{
    // The renderer the Markdown module registers, built directly: no site is booted.
    private readonly IMarkdownRenderer _renderer = new MarkdownRenderer();

    [Theory]
    [InlineData("[site](https://example.org)", "<p><a href=\"https://example.org\" rel=\"nofollow ugc\">site</a></p>")]
    [InlineData("see https://example.org/x", "<p>see <a href=\"https://example.org/x\" rel=\"nofollow ugc\">https://example.org/x</a></p>")]
    [InlineData("![pixel](https://tracker.example/p.gif)", "<p></p>")]
    [InlineData("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")]
    [InlineData("[x](javascript:alert(1))", "<p><a rel=\"nofollow ugc\">x</a></p>")]
    [InlineData("# Big", "<h4>Big</h4>")]
    public void RenderUserContent_SanitisesAndMarksLinks(string markdown, string html)
        => Assert.Equal(html, Render(r => r.RenderUserContent(markdown)));

    [Fact]
    public void Render_ForPosts_IsUnchanged_NoRelAndImagesKept()
    {
        var html = Render(r => r.Render("[site](https://example.org) ![i](https://example.org/i.png)"));

        Assert.DoesNotContain("nofollow", html, StringComparison.Ordinal);
        Assert.Contains("<img", html, StringComparison.Ordinal);
    }

    private string Render(Func<IMarkdownRenderer, Microsoft.AspNetCore.Html.IHtmlContent> render)
    {
        using var writer = new StringWriter();
        render(_renderer).WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString().Trim();
    }
}
