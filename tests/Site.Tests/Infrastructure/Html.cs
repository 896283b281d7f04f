using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Site.Tests.Infrastructure;

public static class Html
{
    private static readonly HtmlParser s_parser = new();

    public static IDocument Parse(string html) => s_parser.ParseDocument(html);

    public static async Task<(HttpResponseMessage Response, IDocument Document)> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return (response, Parse(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>The antiforgery token of the first form on the page.</summary>
    public static string AntiforgeryToken(IDocument document)
        => document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("The page has no antiforgery token.");
}
