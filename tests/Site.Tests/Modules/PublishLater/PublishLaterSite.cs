using Cms.Settings;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Modules.PublishLater.Services;
using Site.Tests.Modules.Comments;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.PublishLater;

/// <summary>
/// A site in the Europe/Paris time zone with a clock tests move forward. Its background loop is off:
/// tests run the publisher's passes themselves, as the loop would at each interval.
/// </summary>
public sealed class PublishLaterSite : SiteFactory, IAsyncLifetime
{
    public const string Zone = "Europe/Paris";

    public AdjustableClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("PublishLater:Enabled", "false");
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public Task InitializeAsync() => InScopeAsync(sp => sp.GetRequiredService<ISiteService>().UpdateAsync(s => s.TimeZoneId = Zone));

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    /// <summary>One pass of the publisher, in its own scope, as a node's background loop runs it.</summary>
    public Task<IReadOnlyList<string>> RunPublisherAsync()
        => InScopeAsync(sp => sp.GetRequiredService<ScheduledPublisher>().PublishDueAsync());

    /// <summary>The site's time <paramref name="from"/> now, as the "Publish at" field takes it.</summary>
    public string LocalInput(TimeSpan from)
        => SiteTime.ToInput(Clock.GetUtcNow().UtcDateTime + from, TimeZoneInfo.FindSystemTimeZoneById(Zone));
}
