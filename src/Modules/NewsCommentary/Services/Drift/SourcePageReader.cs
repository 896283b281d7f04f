using System.Text;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.Options;

namespace Modules.NewsCommentary.Services;

/// <summary>The page's readable text, or why there is none (<see cref="Failure"/>).</summary>
public sealed record SourcePage(string? Text, string? Failure);

/// <summary>
/// Reads a source page for the quote, on the link checker's own connection (no proxy, the address
/// guard at connect time, no automatic redirects): one GET, HTML only, at most
/// <see cref="LinkCheckOptions.MaxPageBytes"/> and within the checker's timeout. Never throws for the page's faults.
/// </summary>
public sealed class SourcePageReader(IHttpClientFactory clients, IOptions<LinkCheckOptions> options)
{
    private static readonly string[] s_htmlTypes = ["text/html", "application/xhtml+xml"];

    public async Task<SourcePage> ReadAsync(string url, string userAgent, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(settings.EffectiveTimeout);
        try
        {
            var uri = new Uri(url);
            var client = clients.CreateClient(LinkProbe.ClientName);
            for (var hops = 0; ; hops++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
                request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml;q=0.9");
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
                var status = (int)response.StatusCode;
                if (status is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location && hops < settings.EffectiveMaxRedirects)
                {
                    uri = new Uri(uri, location);
                    if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                    {
                        return new(null, "The page redirects to an address that is not http or https.");
                    }

                    continue;
                }

                if (status is < 200 or >= 300)
                {
                    return new(null, $"The page answered {status} when read.");
                }

                var type = response.Content.Headers.ContentType?.MediaType;
                if (type is null || !s_htmlTypes.Contains(type, StringComparer.OrdinalIgnoreCase))
                {
                    return new(null, $"The page is not HTML ({type ?? "no content type"}), so the quote was not looked for.");
                }

                var max = settings.EffectiveMaxPageBytes;
                if (response.Content.Headers.ContentLength > max)
                {
                    return new(null, $"The page is larger than {max / 1024:N0} KiB, so the quote was not looked for.");
                }

                var bytes = await ReadBoundedAsync(response, max, deadline.Token);
                if (bytes is null)
                {
                    return new(null, $"The page is larger than {max / 1024:N0} KiB, so the quote was not looked for.");
                }

                return new(TextOf(Decode(bytes, response.Content.Headers.ContentType?.CharSet)), null);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new(null, $"The page did not arrive within {settings.EffectiveTimeout.TotalSeconds:0.#} s.");
        }
        catch (HttpRequestException ex)
        {
            return new(null, "The page could not be read: " + ex.Message);
        }
    }

    /// <summary>The body, or null once it passes <paramref name="max"/> bytes (the rest is never read).</summary>
    private static async Task<byte[]?> ReadBoundedAsync(HttpResponseMessage response, int max, CancellationToken cancellationToken)
    {
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static string Decode(byte[] bytes, string? charset)
    {
        try
        {
            return (charset is { Length: > 0 } ? Encoding.GetEncoding(charset.Trim('"')) : Encoding.UTF8).GetString(bytes);
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8.GetString(bytes);
        }
    }

    /// <summary>The words a reader sees: no scripts or styles, and a space after each block so paragraphs do not run together.</summary>
    public static string TextOf(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var hidden in document.QuerySelectorAll("script, style, noscript, template, svg").ToList())
        {
            hidden.Remove();
        }

        foreach (var block in document.QuerySelectorAll("p, div, br, li, h1, h2, h3, h4, h5, h6, td, th, tr, blockquote, section, article, header, footer, figcaption, dd, dt"))
        {
            block.Append(document.CreateTextNode(" "));
        }

        return QuoteText.Normalize(document.Body?.TextContent ?? "");
    }
}
