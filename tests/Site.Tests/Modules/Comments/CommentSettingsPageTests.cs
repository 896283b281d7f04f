using System.Net;
using Cms.Settings;
using Microsoft.Extensions.DependencyInjection;
using Modules.Comments.Settings;
using Site.Tests.Infrastructure;
using static Site.Tests.Modules.Comments.CommentPages;

namespace Site.Tests.Modules.Comments;

/// <summary>The comment settings page: the recipe's sections with the recipe's ranges; readers see a change at once.</summary>
public sealed class CommentSettingsPageTests(CommentsSite site) : IClassFixture<CommentsSite>
{
    private const string Page = "/admin/settings/comments";

    [Fact]
    public async Task Administrator_ChangesTheNote_AndReadersSeeItAtOnce()
    {
        await site.SettingsAsync();
        var reader = site.CreateReader();
        Assert.Contains("Only a member of this blog", (await Html.GetAsync(reader, "/2020/09/11/sochi-meeting")).Document.QuerySelector(".comment-policy")!.TextContent, StringComparison.Ordinal);
        var admin = await Accounts.SignedInClientAsync(site, SiteFactory.AdminUserName, SiteFactory.AdminPassword);
        var (_, form) = await Html.GetAsync(admin, Page);
        var fields = form.QuerySelectorAll("form[action='/admin/settings/comments'] [name]")
            .ToDictionary(e => e.GetAttribute("name")!, e => e.GetAttribute("value") ?? e.QuerySelector("option[selected]")?.GetAttribute("value") ?? "");
        fields["PolicyNote"] = "Only invited readers may comment here.";
        fields["Moderation"] = "All";
        fields["RegistrationMode"] = "OpenWithApproval";

        var saved = await admin.PostAsync(Page, new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var settings = await site.InScopeAsync(sp => sp.GetRequiredService<ISiteService>().GetAsync());
        Assert.Equal(ModerationMode.All, settings.Comments().ModerationMode);
        Assert.Equal(RegistrationMode.OpenWithApproval, settings.Registration().RegistrationMode);
        Assert.Equal(15, settings.Comments().RateLimitSeconds);
        var (_, page) = await Html.GetAsync(reader, "/2020/09/11/sochi-meeting");
        Assert.Equal("Note: Only invited readers may comment here.", page.QuerySelector(".comment-policy")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector(".comment-signin a[href='/register']"));
    }

    [Fact]
    public async Task BadValues_AreRefusedBesideTheirFields_AndNothingIsSaved()
    {
        await site.SettingsAsync();
        var admin = await Accounts.SignedInClientAsync(site, SiteFactory.AdminUserName, SiteFactory.AdminPassword);
        var before = await DatabaseFingerprint.TakeAsync(site);

        var response = await SubmitAsync(admin, Page, Page, ("PolicyNote", "x"), ("Moderation", "Sometimes"), ("RateLimitSeconds", "abc"),
            ("MaxLinks", "2"), ("CloseAfterDays", "0"), ("MaxLength", "50"), ("ReplyDepth", "2"), ("EditWindowMinutes", "15"),
            ("PageSize", "50"), ("RegistrationMode", "Open"), ("InvitationDays", "7"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await DocumentAsync(response);
        Assert.Equal("Seconds between a user's comments: a whole number from 0 to 3600.", page.QuerySelector("[data-valmsg-for=RateLimitSeconds]")!.TextContent.Trim());
        Assert.Equal("Characters in a comment: a whole number from 100 to 20000.", page.QuerySelector("[data-valmsg-for=MaxLength]")!.TextContent.Trim());
        Assert.Equal("Choose who waits for a moderator.", page.QuerySelector("[data-valmsg-for=Moderation]")!.TextContent.Trim());
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    [Theory]
    [InlineData("Moderator")]
    [InlineData("Editor")]
    public async Task SettingsPage_IsForAdministratorsOnly(string role)
    {
        var client = await SignedInAsync(site, "settings-" + role.ToLowerInvariant(), role);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Page)).StatusCode);
    }
}
