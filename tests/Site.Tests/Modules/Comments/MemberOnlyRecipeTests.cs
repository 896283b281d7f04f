using Cms.ContentDefinitions;
using Cms.Modules;
using Cms.Recipes;
using Cms.Security;
using Cms.Settings;
using Microsoft.Extensions.DependencyInjection;
using Modules.Comments.Settings;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.Comments;

/// <summary>recipes/member-only-comments.recipe.json applied to a running site: what it sets, and that twice is once.</summary>
public sealed class MemberOnlyRecipeTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static readonly string[] s_staff = ["Editor", "Moderator"];

    [Fact]
    public async Task Recipe_EnablesCommentsForMembersOnly_AndSetsTheSettings()
    {
        // Someone had let every signed-in user comment: the recipe takes that back.
        await site.InScopeAsync(sp => sp.GetRequiredService<IRoleStore>().AddPermissionsAsync("Authenticated", ["PostComments"]));

        var result = await CommentsSite.ApplyRecipeAsync(site, "MemberOnlyComments");

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        await site.InScopeAsync(async sp =>
        {
            Assert.True(await sp.GetRequiredService<IFeatureManager>().IsEnabledAsync("Comments"));
            var type = await sp.GetRequiredService<IContentDefinitionManager>().GetTypeAsync("NewsCommentary");
            Assert.Equal("CommentsPart", type!.OrderedParts().Last().PartName);

            var roles = (await sp.GetRequiredService<IRoleStore>().ListAsync()).ToDictionary(r => r.Name, r => r.Permissions);
            Assert.Subset(roles["Member"].ToHashSet(), new HashSet<string> { "PostComments", "EditOwnComments", "ViewContent" });
            Assert.DoesNotContain("ModerateComments", roles["Member"]);
            foreach (var staff in s_staff)
            {
                Assert.Subset(roles[staff].ToHashSet(), new HashSet<string> { "PostComments", "EditOwnComments", "ModerateComments" });
            }

            Assert.DoesNotContain("PostComments", roles["Authenticated"]);
            Assert.DoesNotContain("PostComments", roles["Anonymous"]);

            var settings = await sp.GetRequiredService<ISiteService>().GetAsync();
            var comments = settings.Comments();
            Assert.Equal("Only a member of this blog may post a comment.", comments.PolicyNote);
            Assert.Equal(ModerationMode.FirstTime, comments.ModerationMode);
            Assert.Equal(15, comments.RateLimitSeconds);
            Assert.Equal(2, comments.MaxLinks);
            Assert.Equal(0, comments.CloseAfterDays);
            Assert.Equal(RegistrationMode.InviteOnly, settings.Registration().RegistrationMode);
        });
    }

    [Fact]
    public async Task Recipe_AppliedTwice_LeavesTheSameState()
    {
        var first = await CommentsSite.ApplyRecipeAsync(site, "MemberOnlyComments");
        Assert.True(first.Succeeded, string.Join(" ", first.Errors));
        var before = await DatabaseFingerprint.TakeAsync(site);

        var second = await CommentsSite.ApplyRecipeAsync(site, "MemberOnlyComments");

        Assert.True(second.Succeeded, string.Join(" ", second.Errors));
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    [Fact]
    public async Task Recipe_WithBadCommentSettings_IsRefusedWhole_NamingThePath()
    {
        const string recipe = """
            {
              "name": "BadComments",
              "steps": [
                { "name": "feature", "enable": [ "Comments" ] },
                { "name": "settings", "CommentSettings": { "Moderation": "Sometimes", "RateLimitSeconds": -1, "Colour": "red" },
                  "RegistrationSettings": { "Mode": "5" } }
              ]
            }
            """;
        var before = await DatabaseFingerprint.TakeAsync(site);

        var result = await site.InScopeAsync(sp => sp.GetRequiredService<IRecipeExecutor>().ExecuteAsync(recipe));

        Assert.False(result.Succeeded);
        var errors = result.Errors.Select(e => e.ToString()).ToList();
        Assert.Contains(errors, e => e.Contains("steps[1].CommentSettings.Moderation", StringComparison.Ordinal) && e.Contains("\"None\", \"FirstTime\" or \"All\"", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("steps[1].CommentSettings.RateLimitSeconds", StringComparison.Ordinal) && e.Contains("from 0 to 3600", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("steps[1].CommentSettings.Colour", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("steps[1].RegistrationSettings.Mode", StringComparison.Ordinal));
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }
}
