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
    /// <summary>The request pipeline: errors, headers, static files, setup, auth, output cache, feature gate, theme, endpoints.</summary>
    public static WebApplication UseCms(this WebApplication app)
    {
        app.UseCmsErrorHandling();
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseCmsHealthChecks();
        app.UseMiddleware<Telemetry.RequestDatabaseTime>();
        app.UseStaticFiles();
        app.UseMiddleware<SetupGateMiddleware>();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();

        // A cached page is answered here, before anything below touches the database; whatever
        // changes what a cached page would show (content, settings, roles, features) evicts it.
        app.UseOutputCache();
        app.UseMiddleware<FeatureGateMiddleware>();
        app.UseMiddleware<ThemeMiddleware>();

        app.MapControllers();
        foreach (var (feature, startup) in app.Services.GetRequiredService<ModuleStartups>().Items)
        {
            var group = app.MapGroup("");
            group.WithMetadata(new FeatureMetadata(feature.Id));
            startup.Configure(group);
        }

        MigrateOnStart(app);
        return app;
    }

    /// <summary>A site made by an older build is brought up to date before it serves a request.</summary>
    private static void MigrateOnStart(WebApplication app)
    {
        if (!app.Services.GetRequiredService<ShellSettingsStore>().IsSetUp)
        {
            return;
        }

        using var scope = app.Services.CreateScope();
        OperationsRegistration.EnsureWriteAheadLogAsync(scope.ServiceProvider.GetRequiredService<CmsDbContext>()).GetAwaiter().GetResult();
        var changes = new SchemaUpgrader(scope.ServiceProvider.GetRequiredService<CmsDbContext>()).UpgradeAsync().GetAwaiter().GetResult();
        if (changes.Count > 0)
        {
            app.Logger.LogInformation("Database schema upgraded: {Changes}", string.Join("; ", changes));
        }

        scope.ServiceProvider.GetRequiredService<IFeatureManager>().MigrateAsync().GetAwaiter().GetResult();
        app.Services.GetRequiredService<SchemaState>().MarkUpToDate();
    }
}
