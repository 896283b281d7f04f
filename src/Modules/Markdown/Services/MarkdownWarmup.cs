using Cms.Hosting;

namespace Modules.Markdown.Services;

/// <summary>
/// The renderer's two sanitisers, built on first use, take a start about a tenth of its CPU (AngleSharp's HTML and CSS
/// tables); every page of posts renders Markdown, so the first request would build them. Renders a text through each
/// path once, so both are built and Markdig's and the sanitiser's code is ready too. (Its few short texts stay in the renderer's cache like any other.)
/// </summary>
public sealed class MarkdownWarmup(IMarkdownRenderer markdown) : IStartupWarmup
{
    public void Warm()
    {
        _ = markdown.Render("*Warm-up* [link](https://example.com/) and `code`.\n\n- a list");
        _ = markdown.RenderUserContent("*Warm-up*");
        _ = markdown.ToPlainText("*Warm-up*");
    }
}
