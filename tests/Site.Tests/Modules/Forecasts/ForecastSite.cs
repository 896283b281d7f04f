using Cms.Content;
using Microsoft.Extensions.DependencyInjection;
using Modules.Contents.Models;
using Modules.Forecasts.Models;
using Modules.NewsCommentary.Models;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.Forecasts;

/// <summary>Helpers shared by the forecast tests: posts with forecasts, published as code or an import would.</summary>
public static class ForecastPosts
{
    public const string SeedPath = "/2020/09/11/sochi-meeting";
    public const string SeedForecastId = "4sochiforecast00000000001";

    public static Task<(string Id, string Path)> PublishAsync(SiteFactory site, params Forecast[] forecasts) => PublishTaggedAsync(site, [], forecasts);

    public static Task<(string Id, string Path)> PublishTaggedAsync(SiteFactory site, string[] tags, params Forecast[] forecasts) => site.InScopeAsync(async sp =>
    {
        var contentManager = sp.GetRequiredService<IContentManager>();
        var item = TestPosts.New(contentManager, "Forecasting " + Guid.NewGuid().ToString("N")[..8], new DateTime(2024, 1, 10, 0, 0, 0, DateTimeKind.Utc));
        item.Alter<ForecastPart>(p => p.Forecasts = forecasts.ToList());
        item.Alter<TagsPart>(p => p.Tags = tags);
        var stored = await contentManager.PublishAsync(item);
        return (stored.ContentItemId, "/" + stored.As<AutoroutePart>()!.Path);
    });

    public static Forecast Open(string statement, int? probability = null, string resolveBy = "2024-06-01")
        => new() { Statement = statement, Probability = probability, ResolveByUtc = DateTime.Parse(resolveBy + "T00:00:00Z").ToUniversalTime() };

    public static Forecast Resolved(string statement, int? probability, ForecastOutcome outcome)
        => new() { Statement = statement, Probability = probability, ResolveByUtc = new DateTime(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc), Outcome = outcome, ResolvedUtc = new DateTime(2024, 6, 2, 0, 0, 0, DateTimeKind.Utc) };

    public static Task<ContentItem> PublishedAsync(SiteFactory site, string id)
        => site.InScopeAsync(async sp => (await sp.GetRequiredService<IContentManager>().GetAsync(id))!);

    public static Task<int> VersionsAsync(SiteFactory site, string id)
        => site.InScopeAsync(async sp => (await sp.GetRequiredService<IContentManager>().GetVersionsAsync(id)).Count);

    public static async Task<HttpClient> EditorAsync(SiteFactory site)
    {
        await Accounts.EnsureUserAsync(site, "forecast-editor", "Editor");
        return await Accounts.SignedInClientAsync(site, "forecast-editor");
    }
}
