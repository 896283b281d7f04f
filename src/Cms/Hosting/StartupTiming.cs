using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cms.Hosting;

/// <summary>
/// Where a start goes, logged at Debug (Logging__LogLevel__Cms.Hosting.StartupTiming=Debug): the time from
/// the process's start to the built host, the schema check, the host started (listening) and the first
/// answer. Issue 12 asks a set-up site to answer within 1 s of its start; bench/README.md has the figures.
/// </summary>
public sealed class StartupTiming(ILogger<StartupTiming> logger)
{
    private int _arrived;
    private int _answered;

    /// <summary>Milliseconds since the process started (the kernel's start time, so the runtime's own start counts too).</summary>
    public static long SinceProcessStartMs()
    {
        using var process = Process.GetCurrentProcess();
        return (long)(DateTime.Now - process.StartTime).TotalMilliseconds;
    }

    public void Mark(string step, long? stepMs = null)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            // The CPU time beside the wall time: on a busy machine a start mostly waits for a core, and the CPU tells the shares.
            // Methods the JIT compiled (not precompiled by ReadyToRun) and the time it took: what a start spends beyond running code.
            using var process = Process.GetCurrentProcess();
            logger.LogDebug("Start-up: {Step} at {SinceStartMs} ms since the process started{StepMs}, {CpuMs} ms of CPU, {Jitted} methods jitted in {JitMs} ms",
                step, SinceProcessStartMs(), stepMs is { } ms ? $" ({ms} ms)" : "", (long)process.TotalProcessorTime.TotalMilliseconds,
                System.Runtime.JitInfo.GetCompiledMethodCount(), (long)System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds);
        }
    }

    /// <summary>Marks the host started, and the end of the first request the site answers.</summary>
    public static void Watch(WebApplication app)
    {
        var timing = app.Services.GetRequiredService<StartupTiming>();
        if (!timing.Enabled)
        {
            return;
        }

        app.Lifetime.ApplicationStarted.Register(() => timing.Mark("host started, listening"));
        app.Use(async (context, next) =>
        {
            if (Interlocked.Exchange(ref timing._arrived, 1) == 0)
            {
                timing.Mark($"first request arrived ({context.Request.Path})");
            }

            await next(context);
            if (Interlocked.Exchange(ref timing._answered, 1) == 0)
            {
                timing.Mark($"first answer ({context.Response.StatusCode} to {context.Request.Path})");
            }
        });
    }

    public bool Enabled => logger.IsEnabled(LogLevel.Debug);
}
