using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Modules.Search.Models;

namespace Modules.Search.Services;

/// <summary>
/// Turns text marked with <see cref="Sentinels"/> into HTML: the text is encoded first, then each marked
/// stretch is wrapped in &lt;mark&gt;. Tags are always balanced, whatever the sentinels look like.
/// </summary>
public static class Highlight
{
    public static IHtmlContent ToHtml(string marked)
    {
        var html = new StringBuilder(marked.Length + 32);
        var run = new StringBuilder();
        var open = false;
        foreach (var c in marked)
        {
            if (c is not (Sentinels.Start or Sentinels.End))
            {
                run.Append(c);
                continue;
            }

            html.Append(HtmlEncoder.Default.Encode(run.ToString()));
            run.Clear();
            if (c == Sentinels.Start && !open)
            {
                html.Append("<mark>");
                open = true;
            }
            else if (c == Sentinels.End && open)
            {
                html.Append("</mark>");
                open = false;
            }
        }

        html.Append(HtmlEncoder.Default.Encode(run.ToString()));
        if (open)
        {
            html.Append("</mark>");
        }

        return new HtmlString(html.ToString());
    }

    public static bool HasMatch(string marked) => marked.Contains(Sentinels.Start, StringComparison.Ordinal);
}
