using System.Net;
using Microsoft.Extensions.Options;
using Modules.NewsCommentary.Models;

namespace Modules.NewsCommentary.Services;

/// <summary>What one check found.</summary>
public sealed record ProbeResult(LinkOutcome Outcome, int? StatusCode, string? FinalUrl, string Message);

/// <summary>
/// Asks a source URL whether it is still there, politely: HEAD first (GET only when the server
/// refuses HEAD with 405 or 501), never reading a body, redirects followed one by one up to a limit,
/// each request under its own timeout.
/// </summary>
public sealed class LinkProbe(IHttpClientFactory clients, IOptions<LinkCheckOptions> options)
{
    public const string ClientName = "NewsCommentary.LinkCheck";

    public async Task<ProbeResult> ProbeAsync(string url, string userAgent, CancellationToken cancellationToken)
    {
        if (!SafeUrl.IsHttp(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return new(LinkOutcome.Unreachable, null, null, "Not an absolute http:// or https:// address.");
        }

        var client = clients.CreateClient(ClientName);
        var visited = new HashSet<string>(StringComparer.Ordinal) { uri.AbsoluteUri };
        var maxRedirects = options.Value.EffectiveMaxRedirects;
        for (var redirects = 0; ; redirects++)
        {
            var (status, location, failure) = await AskAsync(client, uri, userAgent, cancellationToken);
            if (failure is not null)
            {
                return failure with { FinalUrl = redirects > 0 ? uri.AbsoluteUri : null };
            }

            if (status is 301 or 302 or 303 or 307 or 308 && location is not null)
            {
                var next = new Uri(uri, location);
                if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
                {
                    return new(LinkOutcome.Unreachable, status, next.AbsoluteUri, $"Redirected to an address that is not http or https ({next.Scheme}:).");
                }

                if (!visited.Add(next.AbsoluteUri))
                {
                    return new(LinkOutcome.RedirectLoop, status, next.AbsoluteUri, $"Redirect loop: {next.AbsoluteUri} redirects back to an address already visited.");
                }

                if (redirects >= maxRedirects)
                {
                    return new(LinkOutcome.TooManyRedirects, status, next.AbsoluteUri, $"More than {maxRedirects} redirects.");
                }

                uri = next;
                continue;
            }

            return Classify(status.GetValueOrDefault(), redirects > 0 ? uri.AbsoluteUri : null);
        }
    }

    private static ProbeResult Classify(int status, string? finalUrl)
    {
        var reason = $"{status} {ReasonPhrase(status)}".TrimEnd();
        return status switch
        {
            >= 200 and < 300 => new(finalUrl is null ? LinkOutcome.Ok : LinkOutcome.Redirected, status, finalUrl, reason),
            404 => new(LinkOutcome.NotFound, status, finalUrl, reason),
            410 => new(LinkOutcome.Gone, status, finalUrl, reason),
            >= 400 and < 500 => new(LinkOutcome.Refused, status, finalUrl, reason),
            >= 500 and < 600 => new(LinkOutcome.ServerError, status, finalUrl, reason),
            _ => new(LinkOutcome.Unreachable, status, finalUrl, $"Unexpected answer {reason}."),
        };
    }

    private static string ReasonPhrase(int status)
        => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);

    /// <summary>HEAD, then GET when HEAD is refused. A failure is returned instead of thrown, so one bad link never stops a pass.</summary>
    private async Task<(int? Status, Uri? Location, ProbeResult? Failure)> AskAsync(HttpClient client, Uri uri, string userAgent, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(client, HttpMethod.Head, uri, userAgent, cancellationToken);
        if (answer.Status is (int)HttpStatusCode.MethodNotAllowed or (int)HttpStatusCode.NotImplemented)
        {
            answer = await SendAsync(client, HttpMethod.Get, uri, userAgent, cancellationToken);
        }

        return answer;
    }

    private async Task<(int? Status, Uri? Location, ProbeResult? Failure)> SendAsync(
        HttpClient client, HttpMethod method, Uri uri, string userAgent, CancellationToken cancellationToken)
    {
        var timeout = options.Value.EffectiveTimeout;
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            // Headers only: the body is never read, and disposing the response drops it.
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            return ((int)response.StatusCode, response.Headers.Location, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, null, new(LinkOutcome.Timeout, null, null, $"No answer within {timeout.TotalSeconds:0.#} s."));
        }
        catch (HttpRequestException ex)
        {
            return (null, null, new(LinkOutcome.Unreachable, null, null, Describe(ex)));
        }
    }

    private static string Describe(HttpRequestException ex) => ex.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError => "The host name does not resolve.",
        HttpRequestError.ConnectionError when ex.InnerException is HttpRequestException inner => inner.Message,
        HttpRequestError.ConnectionError => "The connection failed" + (ex.InnerException is { } inner ? $": {inner.Message}" : "."),
        HttpRequestError.SecureConnectionError => "The secure connection (TLS) failed.",
        _ => ex.Message,
    };
}
