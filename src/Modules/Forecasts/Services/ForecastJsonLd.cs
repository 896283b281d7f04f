using System.Text.Json;
using System.Text.Json.Nodes;
using Modules.Forecasts.Models;
using Modules.Forecasts.ViewModels;

namespace Modules.Forecasts.Services;

/// <summary>
/// Schema.org for resolved forecasts: each a <c>Claim</c> (the statement, made in the post) reviewed by a
/// <c>ClaimReview</c> whose rating names the outcome. Open and withdrawn forecasts have no verdict to mark.
/// </summary>
public static class ForecastJsonLd
{
    public static string? Of(IEnumerable<ForecastEntry> entries)
    {
        var reviews = new JsonArray();
        foreach (var row in entries.Select(e => e.Row).Where(r => r.Outcome is ForecastOutcome.Happened or ForecastOutcome.DidNotHappen or ForecastOutcome.Partly))
        {
            var claim = new JsonObject { ["@type"] = "Claim", ["text"] = row.Statement, ["appearance"] = new JsonObject { ["@type"] = "CreativeWork", ["headline"] = row.PostTitle } };
            if (row.PostPublishedUtc is { } made)
            {
                claim["datePublished"] = ForecastText.Iso(made);
            }

            var review = new JsonObject
            {
                ["@type"] = "ClaimReview",
                ["claimReviewed"] = row.Statement,
                ["itemReviewed"] = claim,
                ["reviewRating"] = new JsonObject
                {
                    ["@type"] = "Rating",
                    ["ratingValue"] = row.Outcome switch { ForecastOutcome.Happened => 3, ForecastOutcome.Partly => 2, _ => 1 },
                    ["bestRating"] = 3,
                    ["worstRating"] = 1,
                    ["alternateName"] = ForecastText.Outcome(row.Outcome),
                },
            };
            if (row.ResolvedUtc is { } resolved)
            {
                review["datePublished"] = ForecastText.Iso(resolved);
            }

            reviews.Add(review);
        }

        // The default encoder escapes '<', '>' and '&', so the JSON cannot close its <script> element.
        return reviews.Count == 0 ? null : new JsonObject { ["@context"] = "https://schema.org", ["@graph"] = reviews }.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}
