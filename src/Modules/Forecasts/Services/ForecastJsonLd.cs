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
        foreach (var row in entries.Select(e => e.Row).Where(r => IsReviewed(r.Outcome)))
        {
            reviews.Add(Review(row.Statement, row.Outcome!.Value, row.ResolvedUtc, new JsonObject { ["@type"] = "CreativeWork", ["headline"] = row.PostTitle }, row.PostPublishedUtc));
        }

        // The default encoder escapes '<', '>' and '&', so the JSON cannot close its <script> element.
        return reviews.Count == 0 ? null : new JsonObject { ["@context"] = "https://schema.org", ["@graph"] = reviews }.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    /// <summary>Whether an outcome is a verdict to mark (happened, did not, partly; not withdrawn).</summary>
    public static bool IsReviewed(ForecastOutcome? outcome) => outcome is ForecastOutcome.Happened or ForecastOutcome.DidNotHappen or ForecastOutcome.Partly;

    /// <summary>One ClaimReview of the statement, made in <paramref name="appearance"/> (the post) on <paramref name="madeUtc"/>.</summary>
    public static JsonObject Review(string statement, ForecastOutcome outcome, DateTime? resolvedUtc, JsonObject appearance, DateTime? madeUtc)
    {
        var claim = new JsonObject { ["@type"] = "Claim", ["text"] = statement, ["appearance"] = appearance };
        if (madeUtc is { } made)
        {
            claim["datePublished"] = ForecastText.Iso(made);
        }

        var review = new JsonObject
        {
            ["@type"] = "ClaimReview",
            ["claimReviewed"] = statement,
            ["itemReviewed"] = claim,
            ["reviewRating"] = new JsonObject
            {
                ["@type"] = "Rating",
                ["ratingValue"] = outcome switch { ForecastOutcome.Happened => 3, ForecastOutcome.Partly => 2, _ => 1 },
                ["bestRating"] = 3,
                ["worstRating"] = 1,
                ["alternateName"] = ForecastText.Outcome(outcome),
            },
        };
        if (resolvedUtc is { } resolved)
        {
            review["datePublished"] = ForecastText.Iso(resolved);
        }

        return review;
    }
}
