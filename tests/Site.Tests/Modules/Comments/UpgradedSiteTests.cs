using System.Net;
using Site.Tests.Infrastructure;
using Site.Tests.Upgrades;

namespace Site.Tests.Modules.Comments;

/// <summary>A site made before the Comments module existed: its tables appear at start, and the recipe turns commenting on.</summary>
public sealed class UpgradedSiteTests(SchemaV1SiteFactory site) : IClassFixture<SchemaV1SiteFactory>
{
    [Fact]
    public async Task OldSite_AppliesTheRecipe_AndAMemberComments()
    {
        await site.CreateReader().GetStringAsync("/");

        var result = await CommentsSite.ApplyRecipeAsync(site, "MemberOnlyComments");

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        var (_, page) = await Html.GetAsync(site.CreateReader(), "/2020/09/11/sochi-meeting");
        Assert.Equal("No comments:", page.QuerySelector("#comments h2")!.TextContent.Trim());
        var (member, _) = await CommentPages.NamedMemberAsync(site, "upgraded");
        var (_, memberPage) = await Html.GetAsync(member, "/2020/09/11/sochi-meeting");
        var id = memberPage.QuerySelector("form.comment-form")!.GetAttribute("action")!.Split('/')[2];
        var response = await CommentPages.CommentAsync(member, new CommentPages.Post(id, "/2020/09/11/sochi-meeting"), "Commenting on an old site.");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
