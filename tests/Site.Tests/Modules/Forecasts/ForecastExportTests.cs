using Cms.Content;
using Cms.Recipes;
using Cms.Recipes.Export;
using Microsoft.Extensions.DependencyInjection;
using Modules.Forecasts.Models;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.Forecasts;

/// <summary>Issue 16, point 6: a site's export carries its forecasts to another site, open and resolved, and the new site's record counts them.</summary>
public sealed class ForecastExportTests
{
    [Fact]
    public async Task Forecasts_RoundTripThroughExportAndImport()
    {
        using var a = new SiteFactory();
        using var b = new SiteFactory();
        _ = b.Server;
        var resolved = ForecastPosts.Resolved("Exported and resolved", 65, ForecastOutcome.Partly);
        resolved.Note = "Half of it came true.";
        var (id, path) = await ForecastPosts.PublishAsync(a, ForecastPosts.Open("Exported and open", 20, "2025-02-03"), resolved);

        var export = await a.InScopeAsync(sp => sp.GetRequiredService<IRecipeExporter>().ExportAsync());
        var result = await b.InScopeAsync(sp => sp.GetRequiredService<IRecipeExecutor>().ExecuteAsync(export));

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        var original = (await ForecastPosts.PublishedAsync(a, id)).As<ForecastPart>()!.Forecasts;
        var imported = (await b.InScopeAsync(async sp => (await sp.GetRequiredService<IContentManager>().GetAsync(id))!)).As<ForecastPart>()!.Forecasts;
        Assert.Equal(
            original.Select(f => (f.Id, f.Statement, f.Probability, f.ResolveByUtc, f.Outcome, f.Note, f.ResolvedUtc)),
            imported.Select(f => (f.Id, f.Statement, f.Probability, f.ResolveByUtc, f.Outcome, f.Note, f.ResolvedUtc)));
        Assert.Equal(new DateTime(2025, 2, 3, 0, 0, 0, DateTimeKind.Utc), imported[0].ResolveByUtc);
        Assert.Equal(ForecastOutcome.Partly, imported[1].Outcome);

        // The new site's index has them too: the public record lists both under the post.
        var (_, page) = await Html.GetAsync(b.CreateReader(), "/forecasts");
        var statements = page.QuerySelectorAll(".forecast-list .forecast").Where(f => f.QuerySelector($"a[href='{path}']") is not null)
            .Select(f => f.QuerySelector(".forecast-statement")!.TextContent).ToList();
        Assert.Equal(["Exported and open", "Exported and resolved"], statements.Order());
    }
}
