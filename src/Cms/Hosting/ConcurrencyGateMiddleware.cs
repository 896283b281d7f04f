using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Cms.Hosting;

/// <summary>
/// At most a few page requests are worked on at once (Cms:Concurrency:Requests, 4 per core by default; 0 turns the gate
/// off); the others wait for a free place. Placed after the output cache, so a cached page never waits. On two cores
/// 64 requests at once are no faster than 8 (the work is CPU), but each holds its ~1 MB of objects alive across
/// collections, which the GC promotes and keeps: that in-flight memory was most of the site's peak under load
/// (issue 12, point 4; bench/README.md, "Memory and the GC"). Only GET and HEAD: a form post or an upload is never queued
/// behind pages.
/// </summary>
public sealed class ConcurrencyGateMiddleware(RequestDelegate next, IConfiguration configuration)
{
    public const string LimitKey = "Cms:Concurrency:Requests";

    private readonly SemaphoreSlim? _gate = Limit(configuration) is > 0 and var limit ? new SemaphoreSlim(limit, limit) : null;

    public static int Limit(IConfiguration configuration) => configuration.GetValue(LimitKey, Environment.ProcessorCount * 4);

    public async Task InvokeAsync(HttpContext context)
    {
        if (_gate is null || !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
        {
            await next(context);
            return;
        }

        try
        {
            await _gate.WaitAsync(context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client left while waiting: nothing to answer.
            return;
        }

        try
        {
            await next(context);
        }
        finally
        {
            _gate.Release();
        }
    }
}
