using System.Text.Json.Nodes;
using Cms.Content;
using Cms.Display;
using Modules.Forecasts.Models;

namespace Modules.Forecasts.Services;

/// <summary>
/// Marks each resolved forecast of a post in the post page's own JSON-LD: a <c>ClaimReview</c> of a <c>Claim</c>
/// that appears in the page, added to the page's <c>@graph</c> beside whatever the post's type describes.
/// </summary>
public sealed class ForecastMetadataProvider : IContentMetadataProvider
{
    public Task ContributeAsync(ContentItem item, PageMetadata metadata)
    {
        foreach (var forecast in item.As<ForecastPart>()?.Forecasts.Where(f => ForecastJsonLd.IsReviewed(f.Outcome)) ?? [])
        {
            var appearance = new JsonObject { ["@type"] = "CreativeWork", ["headline"] = item.DisplayText };
            if (metadata.CanonicalUrl is { } url)
            {
                appearance["url"] = url;
            }

            metadata.MoreJsonLd.Add(ForecastJsonLd.Review(forecast.Statement, forecast.Outcome!.Value, forecast.ResolvedUtc, appearance, item.PublishedUtc));
        }

        return Task.CompletedTask;
    }
}
