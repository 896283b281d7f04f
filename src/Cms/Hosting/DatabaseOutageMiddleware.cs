using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cms.Hosting;

/// <summary>
/// The last net for a request that failed because the database is away: normally the exception handler
/// renders the theme's 503 page (see ErrorController), which needs only cached settings; when even that
/// fails (a node that has cached nothing yet, or the Development environment), this writes a plain page
/// of its own. Either way: 503, Retry-After, never cached, no stack trace.
/// </summary>
public sealed class DatabaseOutageMiddleware(RequestDelegate next, ILogger<DatabaseOutageMiddleware> logger)
{
    /// <summary>Seconds a client is asked to wait: a restart or failover of the database takes about that.</summary>
    public const int RetryAfterSeconds = 30;

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (DatabaseAvailability.IsUnavailable(ex) && !context.Response.HasStarted)
        {
            logger.LogDebug("{Method} {Path} answered 503: the database does not answer ({Reason})",
                context.Request.Method, context.Request.Path.Value, ex.GetBaseException().Message);
            context.Response.Clear();
            SetHeaders(context.Response);
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(Page(IsWrite(context.Request)));
        }
    }

    /// <summary>503, ask to come back later, and keep the answer out of every cache.</summary>
    public static void SetHeaders(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
    }

    public static bool IsWrite(HttpRequest request) => !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method);

    /// <summary>What the reader is told: the same words as the theme's page.</summary>
    public static string Message(bool isWrite) => isWrite
        ? "Nothing was saved: the site's database is not answering. Please try again in a minute; going back in your browser keeps what you wrote."
        : "The site's database is not answering, so this page cannot be shown right now. Please try again in a minute.";

    public const string Title = "Temporarily unavailable";

    private static string Page(bool isWrite) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <title>{{Title}}</title>
        </head>
        <body>
        <main id="main" class="wrap">
        <section class="error-page">
        <h1 class="page-title">{{Title}}</h1>
        <p>{{WebUtility.HtmlEncode(Message(isWrite))}}</p>
        <p><a href="/">Go to the home page</a></p>
        </section>
        </main>
        </body>
        </html>
        """;
}
