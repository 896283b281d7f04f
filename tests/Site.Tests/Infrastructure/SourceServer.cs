using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Site.Tests.Infrastructure;

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel, a free port) that plays the sources posts cite: pages
/// that answer 200, 404, 410 and 503, redirects, a redirect loop, a server that refuses HEAD, a slow
/// one, pages whose answer a test sets, and pages whose words a test edits (quote drift). It remembers every request it saw.
/// </summary>
public sealed class SourceServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _statuses = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (byte[] Body, string ContentType)> _pages = new(StringComparer.Ordinal);

    private SourceServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public ConcurrentQueue<SeenRequest> Requests { get; } = new();

    /// <summary>The requests whose path and query contain <paramref name="marker"/>.</summary>
    public IReadOnlyList<SeenRequest> RequestsFor(string marker) => Requests.Where(r => r.PathAndQuery.Contains(marker, StringComparison.Ordinal)).ToList();

    /// <summary>A URL on this server; <paramref name="marker"/> goes into the query so a test counts its own requests.</summary>
    public string Url(string path, string marker) => $"{BaseUrl}{path}?post={marker}";

    /// <summary>What <c>/set/{key}</c> answers from now on (200 until set).</summary>
    public void SetStatus(string key, int status) => _statuses[key] = status;

    /// <summary>What <c>/page/{key}</c> answers from now on: a page that changes as the test edits it.</summary>
    public void SetPage(string key, string body, string contentType = "text/html; charset=utf-8")
        => _pages[key] = (System.Text.Encoding.UTF8.GetBytes(body), contentType);

    public static async Task<SourceServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new SourceServer(app);
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            server.Requests.Enqueue(new SeenRequest(request.Method, request.Path + request.QueryString, request.Headers.UserAgent.ToString()));
            await next(context);
        });

        string[] getAndHead = ["GET", "HEAD"];
        app.MapMethods("/ok", getAndHead, () => Results.Text("<p>The article.</p>", "text/html"));
        app.MapMethods("/missing", getAndHead, () => Results.NotFound());
        app.MapMethods("/gone", getAndHead, () => Results.StatusCode(410));
        app.MapMethods("/error", getAndHead, () => Results.StatusCode(503));
        app.MapMethods("/forbidden", getAndHead, () => Results.StatusCode(403));
        app.MapMethods("/moved", getAndHead, (HttpContext c) => Results.Redirect("/ok" + c.Request.QueryString, permanent: true));
        app.MapMethods("/found", getAndHead, (HttpContext c) => Results.Redirect("/ok" + c.Request.QueryString));
        app.MapMethods("/loop-a", getAndHead, (HttpContext c) => Results.Redirect("/loop-b" + c.Request.QueryString));
        app.MapMethods("/loop-b", getAndHead, (HttpContext c) => Results.Redirect("/loop-a" + c.Request.QueryString));

        // GET only: routing answers HEAD with 405, as some servers do.
        app.MapGet("/no-head", () => Results.Text("<p>The article.</p>", "text/html"));
        app.MapMethods("/slow", getAndHead, async (HttpContext c) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), c.RequestAborted);
            return Results.Ok();
        });
        app.MapMethods("/page/{key}", getAndHead, (string key) => server._pages.TryGetValue(key, out var page)
            ? Results.Bytes(page.Body, page.ContentType)
            : Results.NotFound());

        // HTML of 200 KiB sent in pieces, with no Content-Length to warn the reader.
        app.MapMethods("/big", getAndHead, async (HttpContext c) =>
        {
            c.Response.ContentType = "text/html";
            if (HttpMethods.IsGet(c.Request.Method))
            {
                var chunk = System.Text.Encoding.UTF8.GetBytes("<p>" + new string('x', 1017) + "</p>\n");
                for (var i = 0; i < 200; i++)
                {
                    await c.Response.Body.WriteAsync(chunk, c.RequestAborted);
                }
            }
        });

        // Answers HEAD at once but takes 10 s over the page itself.
        app.MapMethods("/slow-body", getAndHead, async (HttpContext c) =>
        {
            if (HttpMethods.IsGet(c.Request.Method))
            {
                await Task.Delay(TimeSpan.FromSeconds(10), c.RequestAborted);
            }

            return Results.Text("<p>Late.</p>", "text/html");
        });
        app.MapMethods("/set/{key}", getAndHead, (string key) => Results.StatusCode(server._statuses.GetValueOrDefault(key, 200)));

        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record SeenRequest(string Method, string PathAndQuery, string UserAgent);
