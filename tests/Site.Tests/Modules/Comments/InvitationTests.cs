using System.Net;
using Site.Tests.Infrastructure;
using static Site.Tests.Modules.Comments.CommentPages;
using static Site.Tests.Modules.Comments.Members;

namespace Site.Tests.Modules.Comments;

/// <summary>Administrators invite members by e-mail: a link that works once, until it expires.</summary>
public sealed class InvitationTests(CommentsSite site) : IClassFixture<CommentsSite>
{
    [Fact]
    public async Task Invitation_ByEMail_MakesAMember_AndTheLinkWorksOnce()
    {
        await site.SettingsAsync(s => s.Moderation = "None");
        var admin = await Accounts.SignedInClientAsync(site, SiteFactory.AdminUserName, SiteFactory.AdminPassword);
        var address = NewName("invitee") + "@example.org";

        var sent = await SubmitAsync(admin, "/admin/members/invitations", "/admin/members/invitations", ("Email", address));

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var link = InvitationLink(site, address);
        var reader = site.CreateReader();
        var (_, form) = await Html.GetAsync(reader, link.PathAndQuery);
        Assert.Contains(address, form.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var name = NewName("invited");
        var accepted = await SubmitAsync(reader, link.PathAndQuery, "/members/invitation",
            ("Token", Token(link)), ("UserName", name), ("Password", Accounts.Password), ("ConfirmPassword", Accounts.Password));

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.True(await IsMemberAsync(site, name));
        var post = await NewPostAsync(site);
        Assert.Equal(HttpStatusCode.Redirect, (await CommentAsync(reader, post, "Thanks for having me.")).StatusCode);

        var before = await DatabaseFingerprint.TakeAsync(site);
        var (again, page) = await Html.GetAsync(site.CreateReader(), link.PathAndQuery);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("not valid", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }
    [Fact]
    public async Task Invitation_Expires_AfterTheConfiguredDays()
    {
        await site.SettingsAsync(registration: r => r.InvitationDays = 7);
        var admin = await Accounts.SignedInClientAsync(site, SiteFactory.AdminUserName, SiteFactory.AdminPassword);
        var address = NewName("late") + "@example.org";
        await SubmitAsync(admin, "/admin/members/invitations", "/admin/members/invitations", ("Email", address));
        var link = InvitationLink(site, address);
        Assert.Equal(HttpStatusCode.OK, (await site.CreateReader().GetAsync(link.PathAndQuery)).StatusCode);

        site.Clock.Advance(TimeSpan.FromDays(7.5));
        var reader = site.CreateReader();
        var token = Html.AntiforgeryToken((await Html.GetAsync(reader, "/login")).Document);
        var before = await DatabaseFingerprint.TakeAsync(site);
        var response = await reader.PostAsync("/members/invitation", Form(("Token", Token(link)), ("UserName", NewName("late")),
            ("Password", Accounts.Password), ("ConfirmPassword", Accounts.Password), ("__RequestVerificationToken", token)));

        Assert.Equal(HttpStatusCode.BadRequest, (await reader.GetAsync(link.PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    [Fact]
    public async Task Invitation_AcceptedBySignedInReader_AddsTheRoleToTheirAccount()
    {
        await site.SettingsAsync();
        var name = NewName("reader");
        await Accounts.EnsureUserAsync(site, name);
        var admin = await Accounts.SignedInClientAsync(site, SiteFactory.AdminUserName, SiteFactory.AdminPassword);
        await SubmitAsync(admin, "/admin/members/invitations", "/admin/members/invitations", ("Email", $"{name}@example.org"));
        var link = InvitationLink(site, $"{name}@example.org");

        var (_, anonymousPage) = await Html.GetAsync(site.CreateReader(), link.PathAndQuery);
        Assert.Contains("sign in to it, then accept", anonymousPage.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var reader = await Accounts.SignedInClientAsync(site, name);
        var accepted = await SubmitAsync(reader, link.PathAndQuery, "/members/invitation", ("Token", Token(link)));

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.True(await IsMemberAsync(site, name));
        Assert.NotNull((await Html.GetAsync(reader, (await NewPostAsync(site)).Path)).Document.QuerySelector("form.comment-form"));
    }

    [Fact]
    public async Task Invitations_NeedManageUsers_AndAreRefusedWhenClosed_OrForAMember()
    {
        await site.SettingsAsync(registration: r => r.Mode = "Closed");
        var moderator = await SignedInAsync(site, "not-admin", "Moderator");
        var admin = await Accounts.SignedInClientAsync(site, SiteFactory.AdminUserName, SiteFactory.AdminPassword);
        var (_, memberName) = await NamedMemberAsync(site);
        var before = await DatabaseFingerprint.TakeAsync(site);

        var forbidden = await SubmitAsync(moderator, "/admin", "/admin/members/invitations", ("Email", "someone@example.org"));
        var closed = await SubmitAsync(admin, "/admin/members/invitations", "/admin/members/invitations", ("Email", "someone@example.org"));
        await site.SettingsAsync();
        var already = await SubmitAsync(admin, "/admin/members/invitations", "/admin/members/invitations", ("Email", $"{memberName}@example.org"));
        var badAddress = await SubmitAsync(admin, "/admin/members/invitations", "/admin/members/invitations", ("Email", "not an address"));

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.GetAsync("/admin/members/invitations")).StatusCode);
        Assert.Contains("Registration is closed", ErrorOf(await DocumentAsync(closed)), StringComparison.Ordinal);
        Assert.Equal($"{memberName} ({memberName}@example.org) is already a member.", ErrorOf(await DocumentAsync(already)));
        Assert.Equal("Enter a valid e-mail address.", ErrorOf(await DocumentAsync(badAddress)));
        Assert.Empty(MailTo(site, "someone@example.org"));
        await site.SettingsAsync(registration: r => r.Mode = "Closed");
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    private static string ErrorOf(AngleSharp.Dom.IDocument page) => page.QuerySelector("[data-valmsg-for=Email]")?.TextContent.Trim() ?? "";
}
