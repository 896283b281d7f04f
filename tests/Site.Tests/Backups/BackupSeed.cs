using Cms.Content;
using Microsoft.Extensions.DependencyInjection;
using Modules.Comments.Models;
using Modules.NewsCommentary.Models;
using Site.Tests.Modules.Comments;
using Site.Tests.Infrastructure;
using static Site.Tests.Modules.Comments.CommentPages;

namespace Site.Tests.Backups;

/// <summary>
/// What a site worth backing up holds: members who comment (a thread with a reply, a comment waiting
/// and one marked spam), a post with history (published, edited, published again), changed settings.
/// </summary>
public static class BackupSeed
{
    public const string Member = "member-ann";

    public sealed record Seeded(Post Post, Post Edited);

    public static async Task<Seeded> FillAsync(SiteFactory site)
    {
        var recipe = await CommentsSite.ApplyRecipeAsync(site, "MemberOnlyComments");
        Assert.True(recipe.Succeeded, string.Join(" ", recipe.Errors));
        await site.InScopeAsync(sp => sp.GetRequiredService<Cms.Settings.ISiteService>().UpdateAsync(s =>
        {
            var comments = s.GetSection<global::Modules.Comments.Settings.CommentSettings>(global::Modules.Comments.Settings.CommentSettings.SectionName);
            comments.Moderation = "None";
            comments.RateLimitSeconds = 0;
            s.SetSection(global::Modules.Comments.Settings.CommentSettings.SectionName, comments);
        }));
        await Accounts.EnsureUserAsync(site, Member, "Member");
        await Accounts.EnsureUserAsync(site, "member-bob", "Member");
        var post = await NewPostAsync(site, "Backed up post");
        var ann = await Accounts.SignedInClientAsync(site, Member);
        var bob = await Accounts.SignedInClientAsync(site, "member-bob");
        var first = await CommentOkAsync(site, ann, post, "A **first** comment with [a link](https://example.org/a).");
        await CommentOkAsync(site, bob, post, "A reply to Ann.", first.Id);
        var waiting = await CommentOkAsync(site, bob, post, "This one waits.");
        await SetStatusAsync(site, waiting.Id, CommentStatus.Pending);
        var spam = await CommentOkAsync(site, ann, post, "Buy now.");
        await SetStatusAsync(site, spam.Id, CommentStatus.Spam);

        var edited = await NewPostAsync(site, "Post with history");
        await site.InScopeAsync(async sp =>
        {
            var contents = sp.GetRequiredService<IContentManager>();
            var item = await contents.GetAsync(edited.Id, VersionOptions.Latest);
            item!.Alter<AnalysisPart>(p => p.Markdown = "Analysis, second version: Backupword appears here.");
            await contents.PublishAsync(await contents.SaveDraftAsync(item));
        });
        return new Seeded(post, edited);
    }
}
