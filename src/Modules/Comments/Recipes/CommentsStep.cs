using System.Globalization;
using System.Text.Json.Nodes;
using Cms.Data;
using Cms.Display;
using Cms.Recipes;
using Microsoft.EntityFrameworkCore;
using Modules.Comments.Models;

namespace Modules.Comments.Recipes;

/// <summary>
/// <c>{ "name": "Comments", "Comments": [ { "Key", "ContentItemId", "ParentKey", "AuthorName", "Markdown", "CreatedUtc" } ] }</c>:
/// comments written elsewhere (a Blogger or WordPress import), approved, with their threads (<c>ParentKey</c>
/// names an earlier row's <c>Key</c>). Their authors are names, not members of this site, so nobody can edit
/// them but a moderator. A row that is already there (same item, author and time) is not added twice, so an
/// import can be applied again. Runs after the content step that made the items.
/// </summary>
public sealed class CommentsStep(CmsDbContext db, IPublicCache publicCache) : IRecipeStepHandler
{
    public const int MaxMarkdown = 50_000;

    public string Name => "Comments";

    public void Validate(RecipeStep step, RecipeValidationContext context)
    {
        var rows = StepJson.Array(step.Data, "Comments", "", context, required: true);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; rows is not null && i < rows.Count; i++)
        {
            var path = $"Comments[{i}]";
            if (rows[i] is not JsonObject row)
            {
                context.Error(path, $"A comment must be an object, not {StepJson.Describe(rows[i])}.");
                continue;
            }

            var key = StepJson.String(row, "Key", path, context, required: true);
            StepJson.String(row, "ContentItemId", path, context, required: true);
            if (StepJson.String(row, "ParentKey", path, context) is { } parent && !keys.Contains(parent))
            {
                context.Error($"{path}.ParentKey", $"'ParentKey' names '{parent}', which is not the Key of an earlier comment.");
            }

            if (StepJson.String(row, "AuthorName", path, context, required: true) is { Length: > Comment.AuthorNameLength })
            {
                context.Error($"{path}.AuthorName", $"'AuthorName' has at most {Comment.AuthorNameLength} characters.");
            }

            if (StepJson.String(row, "Markdown", path, context, required: true) is { Length: > MaxMarkdown })
            {
                context.Error($"{path}.Markdown", $"A comment has at most {MaxMarkdown:N0} characters.");
            }

            if (!DateTime.TryParse(StepJson.String(row, "CreatedUtc", path, context, required: true), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out _))
            {
                context.Error($"{path}.CreatedUtc", "'CreatedUtc' must be an ISO 8601 date such as 2020-09-11T12:00:00Z.");
            }

            if (key is not null && !keys.Add(key))
            {
                context.Error($"{path}.Key", $"The Key '{key}' is used by an earlier comment.");
            }
        }
    }

    public async Task ApplyAsync(RecipeStep step, RecipeApplyContext context)
    {
        var rows = ((JsonArray)StepJson.Find(step.Data, "Comments")!).Select(r => (JsonObject)r!).ToList();
        var itemIds = rows.Select(r => (string)r["ContentItemId"]!).Distinct().ToList();

        // Comments imported before (no member as author): the same item, author and time is the same comment.
        var existing = (await db.Set<Comment>().AsNoTracking().Where(c => itemIds.Contains(c.ContentItemId) && c.AuthorId == "").ToListAsync())
            .GroupBy(Identity).ToDictionary(g => g.Key, g => g.First());
        var byKey = new Dictionary<string, Comment>(StringComparer.Ordinal);
        var added = 0;
        foreach (var level in Levels(rows))
        {
            foreach (var row in level)
            {
                Comment? parent = row["ParentKey"] is { } parentKey ? byKey[(string)parentKey!] : null;
                var comment = new Comment
                {
                    ContentItemId = (string)row["ContentItemId"]!,
                    ParentId = parent?.Id,
                    RootId = parent is null ? null : parent.RootId ?? parent.Id,
                    Depth = parent is null ? 0 : parent.Depth + 1,
                    AuthorId = "",
                    AuthorName = (string)row["AuthorName"]!,
                    Markdown = (string)row["Markdown"]!,
                    Status = CommentStatus.Approved,
                    CreatedUtc = DateTime.Parse((string)row["CreatedUtc"]!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
                };
                if (existing.TryGetValue(Identity(comment), out var same))
                {
                    byKey[(string)row["Key"]!] = same;
                    continue;
                }

                db.Set<Comment>().Add(comment);
                byKey[(string)row["Key"]!] = comment;
                added++;
            }

            // The next level's rows need this level's ids.
            await db.SaveChangesAsync();
        }

        if (added > 0)
        {
            context.Changes.Add($"comments imported: {added}");
            db.AfterCommit(publicCache.EvictAllAsync);
        }
    }

    private static (string, string, DateTime) Identity(Comment c) => (c.ContentItemId, c.AuthorName, c.CreatedUtc);

    /// <summary>Top-level comments first, then replies to them, and so on: each level is saved before the next needs its ids.</summary>
    private static IEnumerable<List<JsonObject>> Levels(List<JsonObject> rows)
    {
        var depth = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            depth[(string)row["Key"]!] = row["ParentKey"] is { } parent ? depth[(string)parent!] + 1 : 0;
        }

        return rows.GroupBy(r => depth[(string)r["Key"]!]).OrderBy(g => g.Key).Select(g => g.ToList());
    }
}
