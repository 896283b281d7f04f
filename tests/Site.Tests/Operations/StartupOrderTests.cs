using Cms.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Modules.Markdown.Services;
using Site.Tests.Upgrades;

namespace Site.Tests.Operations;

/// <summary>
/// What a start does in which order (issue 12, point 5): the database is opened and EF Core's model built beside the
/// pipeline's mapping and the warm-ups, but the schema is up to date before any hosted service starts (the cluster
/// signals' first look, a module's worker) and so before the node listens; the warm-ups (the first request's work
/// done ahead) run at start, with no request, and one that fails does not stop the site. Measured on an older build's
/// database, whose schema the start must upgrade.
/// </summary>
public sealed class StartupOrderTests(StartupOrderTests.Site site) : IClassFixture<StartupOrderTests.Site>
{
    [Fact]
    public async Task SchemaIsUpToDate_BeforeAnyHostedServiceStarts()
    {
        _ = site.Services;

        Assert.True(await site.Probe.SchemaUpToDateAtStart.Task.WaitAsync(TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public async Task WarmupsRunAtStart_WithoutARequest_AndOneThatFailsStopsNothing()
    {
        _ = site.Services;

        // No request was made: the host's start alone ran them, the failing one first.
        await site.Probe.Warmed.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True((await site.CreateReader().GetAsync("/")).IsSuccessStatusCode);
    }

    [Fact]
    public void TheMarkdownRenderer_IsBuiltByAWarmup()
    {
        var warmups = site.Services.GetServices<IStartupWarmup>().Select(w => w.GetType()).ToList();

        Assert.Contains(typeof(MarkdownWarmup), warmups);
        Assert.Contains(typeof(MvcActionsWarmup), warmups);
    }

    [Fact]
    public void TheKeyRing_IsNotReadBeforeTheSiteListens()
    {
        var hosted = site.Services.GetServices<IHostedService>().Select(h => h.GetType()).ToList();
        var dataProtection = typeof(Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions).Assembly;

        // The name the host removes is the framework's: a renamed service would be back, and fail here.
        Assert.NotNull(dataProtection.GetType(CmsServiceCollectionExtensions.DataProtectionKeyRingAtStart));
        Assert.DoesNotContain(hosted, t => t.Assembly == dataProtection);
    }

    public sealed class Site : SchemaV1SiteFactory
    {
        public StartProbe Probe { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.AddSingleton(Probe);
                services.AddSingleton<IStartupWarmup, FailingWarmup>();
                services.AddSingleton<IStartupWarmup, ProbeWarmup>();
                services.AddHostedService<SchemaProbe>();
            });
        }
    }

    public sealed class StartProbe
    {
        public TaskCompletionSource<bool> SchemaUpToDateAtStart { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Warmed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class SchemaProbe(StartProbe probe, SchemaState schema) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            probe.SchemaUpToDateAtStart.TrySetResult(schema.UpToDate);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class FailingWarmup : IStartupWarmup
    {
        public void Warm() => throw new InvalidOperationException("A warm-up that fails");
    }

    private sealed class ProbeWarmup(StartProbe probe) : IStartupWarmup
    {
        public void Warm() => probe.Warmed.TrySetResult();
    }
}
