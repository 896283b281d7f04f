using System.Text.RegularExpressions;
using Cms.Content;
using Cms.ContentDefinitions;
using Cms.Modules;
using Cms.Security;
using Cms.Settings;
using Microsoft.Extensions.DependencyInjection;
using Modules.Contents.Models;
using Modules.NewsCommentary.Models;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.Setup;

/// <summary>What recipes/news-commentary.recipe.json leaves on a new site.</summary>
public sealed partial class SetupRecipeTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private const string SeedId = "4sochimeeting2020091100001";

    [Fact]
    public async Task Recipe_EnablesFeaturesAndTheme()
    {
        var enabled = await site.InScopeAsync(sp => sp.GetRequiredService<IFeatureManager>().GetEnabledAsync());
        var settings = await site.InScopeAsync(sp => sp.GetRequiredService<ISiteService>().GetAsync());

        Assert.Superset(new HashSet<string> { "Contents", "Markdown", "NewsCommentary", "Users", "Comments", "CommentaryTheme" }, enabled.ToHashSet());
        Assert.Equal("CommentaryTheme", settings.SiteTheme);
        Assert.Equal("News Commentary", settings.SiteName);
        Assert.Equal(10, settings.PageSize);
    }

    [Fact]
    public async Task Recipe_DefinesTheNewsCommentaryType()
    {
        var type = await site.InScopeAsync(sp => sp.GetRequiredService<IContentDefinitionManager>().GetTypeAsync("NewsCommentary"));

        Assert.NotNull(type);
        Assert.Equal("News Commentary", type.DisplayName);
        Assert.Equal(["TitlePart", "AutoroutePart", "QuotePart", "AnalysisPart", "SourceLinkPart", "TagsPart", "PublishLaterPart", "ForecastPart", "CommentsPart"], type.OrderedParts().Select(p => p.PartName));
        Assert.True(type.GetSettings() is { Draftable: true, Versionable: true, Creatable: true, Listable: true, Securable: true });
    }

    [Fact]
    public async Task Recipe_CreatesStandardRolesWithOrchardDefaults()
    {
        var roles = (await site.InScopeAsync(sp => sp.GetRequiredService<IRoleStore>().ListAsync())).ToDictionary(r => r.Name);

        Assert.Superset(StandardRoles.All.ToHashSet(), roles.Keys.ToHashSet());
        Assert.Empty(roles["Administrator"].Permissions);
        Assert.Superset(new HashSet<string> { "PublishContent", "EditContent", "DeleteContent", "PreviewContent", "CloneContent", "ListContent" }, roles["Editor"].Permissions.ToHashSet());
        Assert.Superset(new HashSet<string> { "PublishOwnContent", "EditOwnContent", "DeleteOwnContent", "PreviewOwnContent", "CloneOwnContent" }, roles["Author"].Permissions.ToHashSet());
        Assert.DoesNotContain("PublishOwnContent", roles["Contributor"].Permissions);
        Assert.Contains("EditOwnContent", roles["Contributor"].Permissions);
        Assert.Equal(["ViewContent"], roles["Anonymous"].Permissions);
        Assert.Equal(["ViewContent"], roles["Authenticated"].Permissions);
        Assert.DoesNotContain(roles["Moderator"].Permissions, p => p.Contains("Content", StringComparison.Ordinal) && p != "ViewContent");
    }

    [Fact]
    public async Task Recipe_ImportsTheSeedPost()
    {
        var post = (await site.InScopeAsync(sp => sp.GetRequiredService<IContentManager>().GetAsync(SeedId)))!;
        var admin = await site.InScopeAsync(sp => sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<CmsUser>>().FindByNameAsync(SiteFactory.AdminUserName));

        Assert.Equal("Sochi Meeting", post.As<TitlePart>()!.Title);
        Assert.Equal(new DateTime(2020, 9, 11, 12, 0, 0, DateTimeKind.Utc), post.PublishedUtc);
        Assert.Equal(admin!.Id, post.Owner);
        Assert.Equal(SiteFactory.AdminUserName, post.Author);
        var quote = post.As<QuotePart>()!;
        Assert.Equal("Putin, Lukashenko To Talk 'Integration' Amid Belarus Protests", quote.Headline);
        Assert.Equal("The Moscow Times", quote.Attribution);
        Assert.Contains("## Mass demonstrations", quote.Text);
        Assert.Contains("## Dependent on Russia", quote.Text);
        Assert.StartsWith("This will either mean Lukashenko will resign", post.As<AnalysisPart>()!.Markdown);
        Assert.Equal("https://www.themoscowtimes.com/2020/09/11/putin-lukashenko-to-talk-integration-amid-belarus-protests-a71419", post.As<SourceLinkPart>()!.Url);
    }

    /// <summary>The quote is the seed page's passage word for word: only paragraph breaks and heading marks were added.</summary>
    [Fact]
    public async Task SeedQuote_IsFaithfulToTheSeedPage()
    {
        var seed = await File.ReadAllTextAsync(SeedFile());
        var start = seed.IndexOf("Russian President Vladimir Putin", StringComparison.Ordinal);
        var end = seed.IndexOf("\n^ This will either mean", StringComparison.Ordinal);
        var passage = seed[start..end];
        var post = (await site.InScopeAsync(sp => sp.GetRequiredService<IContentManager>().GetAsync(SeedId)))!;

        Assert.Equal(Words(passage), Words(post.As<QuotePart>()!.Text.Replace("## ", "", StringComparison.Ordinal)));
    }

    /// <summary>
    /// The seed page ends with the thread: "No comments:", "Post a Comment" and the member-only note. The setup
    /// recipe runs the member-only comments recipe, so a new site's seed post ends the same way, with a way to sign in.
    /// </summary>
    [Fact]
    public async Task SeedPost_EndsWithTheSeedPagesThread_NoCommentsPostACommentAndTheMemberNote()
    {
        var seedLines = (await File.ReadAllLinesAsync(SeedFile())).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var sourceLine = seedLines.FindIndex(l => l.StartsWith("https://www.themoscowtimes.com/", StringComparison.Ordinal));
        var seedThread = seedLines[(sourceLine + 1)..];

        var (response, page) = await Html.GetAsync(site.CreateReader(), "/2020/09/11/sochi-meeting");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["No comments:", "Post a Comment", "Note: Only a member of this blog may post a comment."], seedThread);
        var thread = page.QuerySelector("#comments")!;
        Assert.Equal(seedThread[0], thread.QuerySelector("h2")!.TextContent.Trim());
        Assert.Equal(seedThread[1], thread.QuerySelector(".comment-post h3")!.TextContent.Trim());
        Assert.Equal(seedThread[2], thread.QuerySelector(".comment-policy")!.TextContent.Trim());
        Assert.Equal("/login?ReturnUrl=%2F2020%2F09%2F11%2Fsochi-meeting", thread.QuerySelector(".comment-signin a")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector("form.comment-form"));

        // As on the seed page, the thread comes after the post's source link.
        var source = page.QuerySelector($"p.source a[data-print-url='{seedLines[sourceLine]}']")!;
        Assert.True(source.CompareDocumentPosition(thread).HasFlag(AngleSharp.Dom.DocumentPositions.Following));
    }

    /// <summary>The setup recipe runs MemberOnlyComments by name; that recipe stays on its own, listed and appliable alone.</summary>
    [Fact]
    public async Task MemberOnlyComments_StaysItsOwnRecipe_AndChangesNothingWhenAppliedAgain()
    {
        var recipes = await site.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<Cms.Recipes.IRecipeHarvester>()));
        var memberOnly = recipes.Find("MemberOnlyComments")!;

        var again = await site.InScopeAsync(sp => sp.GetRequiredService<Cms.Recipes.IRecipeExecutor>().ExecuteAsync(memberOnly.ReadText(), new Cms.Recipes.RecipeExecutionOptions { DryRun = true }));

        Assert.False(memberOnly.IsSetupRecipe);
        Assert.Contains("\"name\": \"MemberOnlyComments\"", recipes.Find("NewsCommentary")!.ReadText(), StringComparison.Ordinal);
        Assert.True(again.Succeeded, string.Join("\n", again.Errors));
        Assert.Empty(again.Changes);
    }

    private static string Words(string text) => Whitespace().Replace(text, " ").Trim();

    /// <summary>The seed page, copied into the tests as a fixture (Fixtures/seed/README.md names its source).</summary>
    public static string SeedFile() => Path.Combine(AppContext.BaseDirectory, "Fixtures", "seed", "000_24409ad9b4e69a44.txt");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
