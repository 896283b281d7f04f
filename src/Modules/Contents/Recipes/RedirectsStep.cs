using System.Text.Json.Nodes;
using Cms.Data;
using Cms.Recipes;
using Microsoft.EntityFrameworkCore;
using Modules.Contents.Indexes;

namespace Modules.Contents.Recipes;

/// <summary>
/// <c>{ "name": "Redirects", "Redirects": [ { "From": "/2020/09/x.html", "ContentItemId": "…" }, { "From": "/search/label/X", "To": "/tags/x" } ] }</c>:
/// old addresses that answer 301. A row for a path already there replaces it.
/// </summary>
public sealed class RedirectsStep(CmsDbContext db) : IRecipeStepHandler
{
    public string Name => "Redirects";

    public void Validate(RecipeStep step, RecipeValidationContext context)
    {
        var rows = StepJson.Array(step.Data, "Redirects", "", context, required: true);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; rows is not null && i < rows.Count; i++)
        {
            var path = $"Redirects[{i}]";
            if (rows[i] is not JsonObject row)
            {
                context.Error(path, $"A redirect must be an object, not {StepJson.Describe(rows[i])}.");
                continue;
            }

            var from = StepJson.String(row, "From", path, context, required: true);
            if (from is not null && !IsSitePath(from))
            {
                context.Error($"{path}.From", $"'From' must be a site path starting with one '/' (at most {Redirect.MaxPath} characters), not '{Shorten(from)}'.");
            }
            else if (from is not null && !seen.Add(from))
            {
                context.Error($"{path}.From", $"'{Shorten(from)}' is redirected twice in this step.");
            }

            var item = StepJson.String(row, "ContentItemId", path, context);
            var to = StepJson.String(row, "To", path, context);
            if ((item is null) == (to is null))
            {
                context.Error(path, "A redirect goes to an item ('ContentItemId') or to a site path ('To'): exactly one of them.");
            }
            else if (to is not null && !IsSitePath(to))
            {
                context.Error($"{path}.To", $"'To' must be a path of this site starting with one '/', not '{Shorten(to)}'.");
            }
        }
    }

    public async Task ApplyAsync(RecipeStep step, RecipeApplyContext context)
    {
        var rows = ((JsonArray)StepJson.Find(step.Data, "Redirects")!).Select(r => (JsonObject)r!)
            .Select(r => new Redirect { FromPath = (string)r["From"]!, ContentItemId = (string?)r["ContentItemId"], ToPath = (string?)r["To"] })
            .ToList();
        var froms = rows.Select(r => r.FromPath).ToList();
        var existing = await db.Set<Redirect>().Where(r => froms.Contains(r.FromPath)).ToDictionaryAsync(r => r.FromPath, StringComparer.Ordinal);
        var changed = 0;
        foreach (var row in rows)
        {
            if (!existing.TryGetValue(row.FromPath, out var stored))
            {
                db.Set<Redirect>().Add(row);
                changed++;
            }
            else if (stored.ContentItemId != row.ContentItemId || stored.ToPath != row.ToPath)
            {
                (stored.ContentItemId, stored.ToPath) = (row.ContentItemId, row.ToPath);
                changed++;
            }
        }

        await db.SaveChangesAsync();
        if (changed > 0)
        {
            context.Changes.Add($"redirects set: {changed}");
        }
    }

    /// <summary>A path on this site: one leading '/', never "//host" or a scheme, so a redirect cannot send readers elsewhere.</summary>
    public static bool IsSitePath(string path)
        => path.Length is > 1 and <= Redirect.MaxPath && path[0] == '/' && path[1] != '/' && path[1] != '\\'
            && !path.Any(char.IsControl) && !path.Contains("://", StringComparison.Ordinal);

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
