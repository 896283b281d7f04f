using Cms.Data;
using Cms.Display;
using Cms.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cms.Hosting;

public static class CmsApplicationBuilderExtensions
{
    /// <summary>The request pipeline: proxy, errors, headers, host filter, static files, setup, cached pages, routing, auth, rate limits, output cache, feature gate, theme, endpoints.</summary>
    public static WebApplication UseCms(this WebApplication app)
    {
        app.Services.GetRequiredService<StartupTiming>().Mark("host built");
        StartupTiming.Watch(app);

        // The start's longest step, opening the database and building EF Core's model, runs beside the pipeline's
        // mapping and the warm-ups (the first request's work done ahead); the schema is checked before any hosted
        // service starts or any request is served, as before.
        var schema = Task.Run(() => MigrateOnStart(app));
        StartupWarmups.Start(app);

        // Only a configured proxy is believed about the client's address and scheme; with none, nobody is.
        if (SecurityServiceCollectionExtensions.HasKnownProxies(app.Configuration))
        {
            app.UseForwardedHeaders();
        }

        app.UseCmsErrorHandling();
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseMiddleware<SecurityHeadersMiddleware>();

        // Probes come by the node's own address (a balancer, an orchestrator), often over plain http:
        // health answers before the host filter, and writes no URL.
        app.UseCmsHealthChecks();
        app.UseMiddleware<PublicHostMiddleware>();
        app.UseCookiePolicy();
        app.UseMiddleware<Telemetry.RequestDatabaseTime>();
        app.UseStaticFiles();
        app.UseMiddleware<SetupGateMiddleware>();

        // An anonymous GET or HEAD is given its cached page here, before routing and authentication (issue 12:
        // a hit paid for both); a miss, a member or any other request goes on to the output cache below.
        app.UseCachedPublicPagesBeforeRouting();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseCmsRateLimits();

        // A page is stored here (and served to an anonymous request the lookup above left alone, such as one with a
        // stale sign-in cookie), before anything below touches the database; whatever
        // changes what a cached page would show (content, settings, roles, features) evicts it.
        app.UseOutputCache();
        app.UseOutputCacheAdmission();
        app.UseMiddleware<FeatureGateMiddleware>();
        app.UseMiddleware<ThemeMiddleware>();

        app.MapControllers();
        foreach (var (feature, startup) in app.Services.GetRequiredService<ModuleStartups>().Items)
        {
            var group = app.MapGroup("");
            group.WithMetadata(new FeatureMetadata(feature.Id));
            startup.Configure(group);
        }

        app.Services.GetRequiredService<StartupTiming>().Mark("pipeline and routes mapped");
        schema.GetAwaiter().GetResult();
        return app;
    }

    /// <summary>A site made by an older build is brought up to date before it serves a request.</summary>
    private static void MigrateOnStart(WebApplication app)
    {
        if (!app.Services.GetRequiredService<ShellSettingsStore>().IsSetUp)
        {
            return;
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        OperationsRegistration.EnsureWriteAheadLogAsync(db).GetAwaiter().GetResult();
        app.Services.GetRequiredService<StartupTiming>().Mark($"database opened, EF Core's model built ({db.Model.GetEntityTypes().Count()} entity types)", watch.ElapsedMilliseconds);
        var changes = scope.ServiceProvider.GetRequiredService<SchemaCheck>().EnsureUpToDateAsync().GetAwaiter().GetResult();
        if (changes is { Count: > 0 })
        {
            app.Logger.LogInformation("Database schema upgraded: {Changes}", string.Join("; ", changes));
        }

        app.Services.GetRequiredService<SchemaState>().MarkUpToDate();
        app.Services.GetRequiredService<StartupTiming>().Mark(changes is null ? "schema stamp matched, check skipped" : "schema checked", watch.ElapsedMilliseconds);
    }
}
