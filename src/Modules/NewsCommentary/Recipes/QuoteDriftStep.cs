using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Data;
using Cms.Display;
using Cms.Recipes;
using Microsoft.EntityFrameworkCore;
using Modules.NewsCommentary.Models;
using Modules.NewsCommentary.Services;

namespace Modules.NewsCommentary.Recipes;

/// <summary>
/// <c>{ "name": "QuoteDrift", "Records": [ { "ContentItemId", "Url", "QuoteFingerprint", "State", "Missing": [ { "Index",
/// "Sentence", "FirstMissingUtc", "PageNowSays" } ], "DriftSinceUtc", "AcknowledgedUtc", ... } ] }</c>: what the link
/// checker knew of each post's quote. A record lands on the post's link row only when the row checks the same
/// source URL (content steps come first and make the rows); any other is left out and said so.
/// </summary>
public sealed class QuoteDriftStep(CmsDbContext db, LinkCheckStore store, IDocumentStore documents, IPublicCache cache) : IRecipeStepHandler
{
    public const string StepName = "QuoteDrift";
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public string Name => StepName;

    public void Validate(RecipeStep step, RecipeValidationContext context)
    {
        var rows = StepJson.Array(step.Data, "Records", "", context, required: true);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; rows is not null && i < rows.Count; i++)
        {
            if (QuoteDriftEntry.Read(rows[i], $"Records[{i}]", context.Error) is { } entry && !seen.Add(entry.ContentItemId))
            {
                context.Error($"Records[{i}].ContentItemId", $"The post '{entry.ContentItemId}' has two quote-drift records in this step.");
            }
        }
    }

    public async Task ApplyAsync(RecipeStep step, RecipeApplyContext context)
    {
        var entries = ((JsonArray)StepJson.Find(step.Data, "Records")!)
            .Select((r, i) => QuoteDriftEntry.Read(r, $"Records[{i}]", (_, _) => { })!).ToList();
        var ids = entries.Select(e => e.ContentItemId).ToList();
        var checks = await db.Set<SourceLinkCheck>().Where(c => ids.Contains(c.ContentItemId)).ToDictionaryAsync(c => c.ContentItemId, StringComparer.Ordinal);
        var applied = 0;
        foreach (var entry in entries)
        {
            if (!checks.TryGetValue(entry.ContentItemId, out var check) || check.Url != entry.Url)
            {
                context.Changes.Add($"quote drift of '{entry.ContentItemId}' left out: the site has no post with that source link");
                continue;
            }

            var missingJson = entry.Missing.Count == 0 ? null : JsonSerializer.Serialize(entry.Missing, s_json);
            var since = entry.Missing.Count == 0 ? null : entry.DriftSinceUtc;
            if (check.QuoteFingerprint == entry.Fingerprint && check.QuoteState == entry.State && check.QuoteCheckedUtc == entry.CheckedUtc
                && check.QuoteMessage == entry.Message && check.MissingJson == missingJson && check.DriftSinceUtc == since && check.DriftAcknowledgedUtc == entry.AcknowledgedUtc)
            {
                continue; // applying a site's own export changes nothing
            }

            (check.QuoteFingerprint, check.QuoteState, check.QuoteCheckedUtc, check.QuoteMessage) = (entry.Fingerprint, entry.State, entry.CheckedUtc, entry.Message);
            (check.MissingJson, check.DriftSinceUtc, check.DriftAcknowledgedUtc) = (missingJson, since, entry.AcknowledgedUtc);
            applied++;
        }

        await db.SaveChangesAsync();
        if (applied > 0)
        {
            // Readers' notices come from the drift document, as after a checker pass.
            var drifted = await store.DriftedAsync(CancellationToken.None);
            await documents.UpdateAsync<QuoteDriftDocument>(QuoteDriftDocument.DocumentId, d => d.Items = drifted);
            db.AfterCommit(cache.EvictAllAsync);
            context.Changes.Add($"quote drift records set: {applied}");
        }
    }
}
