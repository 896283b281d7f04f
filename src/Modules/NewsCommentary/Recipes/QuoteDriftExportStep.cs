using System.Globalization;
using System.Text.Json.Nodes;
using Cms.Data;
using Cms.Recipes.Export;
using Microsoft.EntityFrameworkCore;
using Modules.NewsCommentary.Models;
using Modules.NewsCommentary.Services;

namespace Modules.NewsCommentary.Recipes;

/// <summary>
/// The quote-drift record of every post whose source page was read, in the site's export, as
/// <see cref="QuoteDriftStep"/> reads it back: a moved site keeps the day each sentence went missing and
/// the editors' acknowledgements instead of starting the record over.
/// </summary>
public sealed class QuoteDriftExportStep(CmsDbContext db) : IRecipeExportStep
{
    /// <summary>Records name the posts they judge, so they follow the content step.</summary>
    public bool AfterContent => true;

    public async Task<JsonObject?> ExportAsync()
    {
        var rows = await db.Set<SourceLinkCheck>().AsNoTracking()
            .Where(c => c.QuoteState != null && c.QuoteFingerprint != null)
            .OrderBy(c => c.Id).ToListAsync();
        if (rows.Count == 0)
        {
            return null;
        }

        var array = new JsonArray();
        foreach (var row in rows)
        {
            array.Add(new JsonObject
            {
                ["ContentItemId"] = row.ContentItemId,
                ["Url"] = row.Url,
                ["QuoteFingerprint"] = row.QuoteFingerprint,
                ["State"] = row.QuoteState!.Value.ToString(),
                ["CheckedUtc"] = Iso(row.QuoteCheckedUtc),
                ["Message"] = row.QuoteMessage,
                ["DriftSinceUtc"] = Iso(row.DriftSinceUtc),
                ["AcknowledgedUtc"] = Iso(row.DriftAcknowledgedUtc),
                ["Missing"] = new JsonArray(QuoteDriftRecord.Missing(row.MissingJson).Select(m => (JsonNode)new JsonObject
                {
                    ["Index"] = m.Index,
                    ["Sentence"] = m.Sentence,
                    ["FirstMissingUtc"] = Iso(m.FirstMissingUtc),
                    ["PageNowSays"] = m.PageNowSays,
                }).ToArray()),
            });
        }

        return new JsonObject { ["name"] = QuoteDriftStep.StepName, ["Records"] = array };
    }

    public static string? Iso(DateTime? utc) => utc?.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
