using System.Globalization;
using System.Text.Json.Nodes;
using Cms.Recipes;
using Cms.Recipes.Import;
using Modules.BlogImport.Models;
using Modules.Contents.Services;

namespace Modules.BlogImport.Services;

/// <summary>
/// Turns a read export into one recipe: the features and the BlogPost type it needs, the member-only
/// comment settings when the blog had them (the MemberOnlyComments recipe's steps), then a content step
/// (each post a NewsCommentary when <see cref="CommentaryShape"/> recognises it, else a BlogPost), a
/// Comments step (threads) and a Redirects step (old addresses, label pages). Applying it is the recipe
/// executor's work: one transaction, validated whole, with the same dry run and change report.
/// </summary>
public sealed class ImportRecipeBuilder(IRecipeHarvester harvester)
{
    public const string MemberOnlyRecipe = "MemberOnlyComments";

    public ImportConversion Build(BlogExport blog)
    {
        var notes = blog.Skipped.Select(s => new ImportNote(s.Entry, s.Reason)).ToList();
        var errors = new List<ImportNote>();
        var steps = new JsonArray
        {
            new JsonObject { ["name"] = "feature", ["enable"] = new JsonArray("Contents", "Markdown", "NewsCommentary", "Comments", "BlogImport"), ["disable"] = new JsonArray() },
            BlogPostType.Step(),
        };
        if (blog.MembersOnlyComments == true)
        {
            AddMemberOnlySteps(steps, notes);
        }

        var contentAt = steps.Count;
        var entryOfPath = new Dictionary<string, string>(StringComparer.Ordinal);
        var items = new JsonArray();
        var redirects = new JsonArray();
        var idsByPost = new Dictionary<string, string>(StringComparer.Ordinal);
        var paths = new HashSet<string>(StringComparer.Ordinal);
        var seenFroms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var post in blog.Posts)
        {
            var item = PostItems.Item(blog, post, paths, notes);
            entryOfPath[$"steps[{contentAt}].Data[{items.Count}]"] = post.Name;
            idsByPost[BloggerReader.ShortId(post.Id)] = item["ContentItemId"]!.GetValue<string>();
            items.Add(item);
            foreach (var old in post.OldPaths.Where(p => seenFroms.Add(p)))
            {
                redirects.Add(new JsonObject { ["From"] = old, ["ContentItemId"] = item["ContentItemId"]!.GetValue<string>() });
            }
        }

        steps.Add(new JsonObject { ["name"] = "content", ["Data"] = items });
        var comments = PostItems.Comments(blog, idsByPost, notes);
        if (comments.Count > 0)
        {
            for (var i = 0; i < comments.Count; i++)
            {
                entryOfPath[$"steps[{steps.Count}].Comments[{i}]"] = $"comment {comments[i]!["Key"]} by {comments[i]!["AuthorName"]}";
            }

            steps.Add(new JsonObject { ["name"] = "Comments", ["Comments"] = comments });
        }

        foreach (var label in blog.Posts.SelectMany(p => p.Tags).Distinct(StringComparer.OrdinalIgnoreCase).Where(l => Slug.From(l).Length > 0))
        {
            // The old label pages (Blogger's /search/label/X, WordPress's /tag/x/ and /category/x/) go to NewsCommentary's /tags/{slug}.
            var to = "/tags/" + Slug.From(label);
            var froms = blog.Service == "Blogger"
                ? new[] { "/search/label/" + label }
                : new[] { $"/tag/{Slug.From(label)}/", $"/category/{Slug.From(label)}/" };
            foreach (var from in froms.Where(f => seenFroms.Add(f)))
            {
                redirects.Add(new JsonObject { ["From"] = from, ["To"] = to });
            }
        }

        if (redirects.Count > 0)
        {
            steps.Add(new JsonObject { ["name"] = "Redirects", ["Redirects"] = redirects });
        }

        var recipe = new JsonObject
        {
            ["name"] = $"{blog.Service}Import",
            ["displayName"] = $"{blog.Service} import",
            ["description"] = $"Posts, comments and old addresses imported from a {blog.Service} export.",
            ["issetuprecipe"] = false,
            ["steps"] = steps,
        };
        return new ImportConversion(errors.Count > 0 ? null : recipe, notes, errors) { EntryOfPath = entryOfPath };
    }

    private void AddMemberOnlySteps(JsonArray steps, List<ImportNote> notes)
    {
        if (harvester.Find(MemberOnlyRecipe) is not { } descriptor || RecipeReader.Parse(descriptor.ReadText()).Recipe?["steps"] is not JsonArray memberSteps)
        {
            notes.Add(new ImportNote("", $"The blog let only its members comment, but this build has no {MemberOnlyRecipe} recipe: comment settings are unchanged."));
            return;
        }

        notes.Add(new ImportNote("", "The blog let only its members comment: the member-only comment settings are applied."));
        foreach (var step in memberSteps)
        {
            steps.Add(step!.DeepClone());
        }
    }

    /// <summary>A date as the recipe's JSON writes it.</summary>
    public static string Iso(DateTime date) => date.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
