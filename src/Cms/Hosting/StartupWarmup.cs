using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cms.Hosting;

/// <summary>
/// Work the first request would otherwise do itself (an object built once with its static tables, a cache of
/// reflection), done on a background thread while the host starts: the database is opened and EF Core's model
/// built on the main thread meanwhile, so on a machine of two cores the first answer comes sooner (issue 12: a
/// set-up site answers within 1 s of its start). A warm-up must need nothing the start has not made yet (no
/// database: the schema may still be checked) and be safe beside a request that does the same work.
/// Register one with <c>services.AddSingleton&lt;IStartupWarmup, T&gt;()</c>.
/// </summary>
public interface IStartupWarmup
{
    void Warm();
}

/// <summary>Runs every <see cref="IStartupWarmup"/> once, in the background; a failure is logged and forgotten (the request does the work again).</summary>
public static class StartupWarmups
{
    public static Task Start(WebApplication app)
    {
        var warmups = app.Services.GetServices<IStartupWarmup>().ToList();
        if (warmups.Count == 0)
        {
            return Task.CompletedTask;
        }

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StartupWarmups));
        return Task.Run(() =>
        {
            foreach (var warmup in warmups)
            {
                try
                {
                    warmup.Warm();
                }
                catch (Exception ex)
                {
                    logger.LogDebug(ex, "Start-up warm-up {Warmup} failed; the first request does its work instead", warmup.GetType().Name);
                }
            }

            app.Services.GetRequiredService<StartupTiming>().Mark("warm-ups done");
        });
    }
}
