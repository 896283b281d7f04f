using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Display;

/// <summary>Renders a partial view to its HTML text, to write it and keep it (<see cref="KeptShapes"/>).</summary>
public static class ShapeHtml
{
    public static async Task<string> RenderAsync(IHtmlHelper html, string partialName, object model)
    {
        var content = await html.PartialAsync(partialName, model);
        using var writer = new StringWriter();
        content.WriteTo(writer, html.ViewContext.HttpContext.RequestServices.GetRequiredService<HtmlEncoder>());
        return writer.ToString();
    }
}
