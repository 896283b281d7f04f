using Cms.Admin;
using Cms.Display;
using Microsoft.AspNetCore.Mvc;
using Modules.Markdown.Services;

namespace Modules.Markdown.Controllers;

/// <summary>
/// Renders the editor's Markdown as readers will see it, on the server with the same sanitiser, so
/// the preview can never differ from the page (and no Markdown parser lives in JavaScript).
/// </summary>
[Admin]
public sealed class MarkdownPreviewController(IMarkdownRenderer markdown) : Controller
{
    public const int MaxLength = 100_000;

    [HttpPost("/admin/markdown/preview")]
    public IActionResult Preview([FromForm] string? text, [FromForm] int headingOffset = 1)
    {
        if (text?.Length > MaxLength)
        {
            return BadRequest($"The text is longer than {MaxLength:N0} characters.");
        }

        var writer = new StringWriter();
        markdown.Render(text, Math.Clamp(headingOffset, 0, 3)).WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return Content(writer.ToString(), "text/html; charset=utf-8");
    }
}
