using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Display;

/// <summary>Writes a shape kept as HTML (<see cref="KeptShapes"/>), or renders its partial view and keeps what it renders to.</summary>
public static class ShapeHtml
{
    /// <summary>A part of a page: its kept HTML, or its view rendered (and kept, when the part may be).</summary>
    public static Task<IHtmlContent> PartAsync(IHtmlHelper html, PartView part)
        => part.KeptHtml is { } kept ? Task.FromResult(kept) : KeptOrRenderedAsync(html, part.ViewName, part.Model, null, part.Keep);

    /// <summary>
    /// <paramref name="kept"/> when there is some; otherwise <paramref name="partialName"/> rendered for
    /// <paramref name="model"/>, its text handed to <paramref name="keep"/> when that is set (a shape the same for every
    /// viewer), or rendered as any partial when it is not (a shape with something of the viewer's in it).
    /// </summary>
    public static async Task<IHtmlContent> KeptOrRenderedAsync(IHtmlHelper html, string partialName, object model, string? kept, Action<string>? keep)
    {
        if (kept is not null)
        {
            return new HtmlString(kept);
        }

        var content = await html.PartialAsync(partialName, model);
        if (keep is null)
        {
            return content;
        }

        using var writer = new StringWriter();
        content.WriteTo(writer, html.ViewContext.HttpContext.RequestServices.GetRequiredService<HtmlEncoder>());
        var rendered = writer.ToString();
        keep(rendered);
        return new HtmlString(rendered);
    }
}

/// <summary>Kept HTML that starts part-way into a kept string (after what names its zone), written without a copy.</summary>
public sealed class KeptHtmlTail(string kept, int start) : IHtmlContent
{
    public void WriteTo(TextWriter writer, HtmlEncoder encoder) => writer.Write(kept.AsSpan(start));
}
