using System.Net;
using System.Text.RegularExpressions;
using Cms.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Site.Tests.Infrastructure;
using static Site.Tests.CommentsTests.CommentPages;

namespace Site.Tests.CommentsTests;

/// <summary>How readers become members: sign-up as the registration settings allow, invitations by e-mail, requests a moderator decides.</summary>
public sealed partial class MembershipTests(CommentsSite site) : IClassFixture<CommentsSite>
{
    [Theory]
    [InlineData("InviteOnly", "This site does not take sign-ups: membership is by invitation only.")]
    [InlineData("Closed", "This site does not take sign-ups.")]
    public async Task SignUp_IsClosed_UnlessTheSettingsOpenIt(string mode, string message)
    {
        await site.SettingsAsync(registration: r => r.Mode = mode);
        var reader = site.CreateReader();
        var before = await DatabaseFingerprint.TakeAsync(site);

        var (page, document) = await Html.GetAsync(reader, "/register");
        var token = Html.AntiforgeryToken((await Html.GetAsync(reader, "/login")).Document);
        var post = await reader.PostAsync("/register", Form(("UserName", "sneaky"), ("Email", "sneaky@example.org"),
            ("Password", Accounts.Password), ("ConfirmPassword", Accounts.Password), ("__RequestVerificationToken", token)));

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(message, document.QuerySelector("main p")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    [Fact]
    public async Task SignUp_WhenOpen_MakesAMember_WhoCommentsAtOnce()
    {
        await site.SettingsAsync(s => s.Moderation = "None", r => r.Mode = "Open");
        var post = await NewPostAsync(site);
        var reader = site.CreateReader();
        Assert.NotNull((await Html.GetAsync(reader, post.Path)).Document.QuerySelector(".comment-signin a[href='/register']"));
        var name = NewName("open");

        var response = await RegisterAsync(reader, name);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("you are a member", await reader.GetStringAsync("/members"), StringComparison.Ordinal);
        Assert.True(await IsMemberAsync(name));
        Assert.Equal(HttpStatusCode.Redirect, (await CommentAsync(reader, post, "Hello, I just joined.")).StatusCode);
    }

    [Fact]
    public async Task SignUp_WithApproval_WaitsForAModerator_WhoApproves()
    {
        await site.SettingsAsync(s => s.Moderation = "None", r => r.Mode = "OpenWithApproval");
        var post = await NewPostAsync(site);
        var reader = site.CreateReader();
        var name = NewName("applicant");

        var response = await RegisterAsync(reader, name, ("Message", "I read every post."));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await IsMemberAsync(name));
        Assert.Contains("A moderator will decide", await reader.GetStringAsync("/members"), StringComparison.Ordinal);
        Assert.Null((await Html.GetAsync(reader, post.Path)).Document.QuerySelector("form.comment-form"));

        var moderator = await SignedInAsync(site, "gatekeeper", "Moderator");
        var (_, queue) = await Html.GetAsync(moderator, "/admin/members/requests");
        var row = queue.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(name, StringComparison.Ordinal));
        Assert.Contains("I read every post.", row.TextContent, StringComparison.Ordinal);
        var approve = row.QuerySelector("form[action$='/approve']")!.GetAttribute("action")!;
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(moderator, "/admin/members/requests", approve)).StatusCode);

        Assert.True(await IsMemberAsync(name));
        var again = await Accounts.SignedInClientAsync(site, name);
        Assert.NotNull((await Html.GetAsync(again, post.Path)).Document.QuerySelector("form.comment-form"));
        Assert.Single(MailTo($"{name}@example.org"), m => m.Subject?.StartsWith("You are a member of", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task SignedInNonMember_AsksToJoin_AndAModeratorDeclines()
    {
        await site.SettingsAsync(registration: r => r.Mode = "OpenWithApproval");
        var name = NewName("hopeful");
        await Accounts.EnsureUserAsync(site, name);
        var reader = await Accounts.SignedInClientAsync(site, name);
        var post = await NewPostAsync(site);
        Assert.NotNull((await Html.GetAsync(reader, post.Path)).Document.QuerySelector(".comment-signin a[href='/members']"));

        var asked = await SubmitAsync(reader, "/members", "/members/request", ("Message", "Please."));
        var twice = await SubmitAsync(reader, "/members", "/members/request", ("Message", "Please, again."));

        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        var moderator = await SignedInAsync(site, "decliner", "Moderator");
        var (_, queue) = await Html.GetAsync(moderator, "/admin/members/requests");
        var decline = queue.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(name, StringComparison.Ordinal))
            .QuerySelector("form[action$='/decline']")!.GetAttribute("action")!;
        await SubmitAsync(moderator, "/admin/members/requests", decline);

        Assert.False(await IsMemberAsync(name));
        Assert.Contains("was declined", await reader.GetStringAsync("/members"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MembershipRequest_WhenInviteOnly_IsRefused_AndStoresNothing()
    {
        await site.SettingsAsync();
        var reader = await SignedInAsync(site, "uninvited");
        var before = await DatabaseFingerprint.TakeAsync(site);

        var response = await SubmitAsync(reader, "/members", "/members/request", ("Message", "Let me in."));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("does not take membership requests", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    [Fact]
    public async Task Invitation_ByEMail_MakesAMember_AndTheLinkWorksOnce()
    {
        await site.SettingsAsync(s => s.Moderation = "None");
        var admin = await Accounts.SignedInClientAsync(site, SiteFactory.AdminUserName, SiteFactory.AdminPassword);
        var address = NewName("invitee") + "@example.org";

        var sent = await SubmitAsync(admin, "/admin/members/invitations", "/admin/members/invitations", ("Email", address));

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var link = new Uri(LinkPattern().Match(Assert.Single(MailTo(address)).TextBody ?? "").Value);
        var reader = site.CreateReader();
        var (_, form) = await Html.GetAsync(reader, link.PathAndQuery);
        Assert.Contains(address, form.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var name = NewName("invited");
        var accepted = await SubmitAsync(reader, link.PathAndQuery, "/members/invitation",
            ("Token", Token(link)), ("UserName", name), ("Password", Accounts.Password), ("ConfirmPassword", Accounts.Password));

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.True(await IsMemberAsync(name));
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
        var link = new Uri(LinkPattern().Match(Assert.Single(MailTo(address)).TextBody ?? "").Value);
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
        var link = new Uri(LinkPattern().Match(Assert.Single(MailTo($"{name}@example.org")).TextBody ?? "").Value);

        var (_, anonymousPage) = await Html.GetAsync(site.CreateReader(), link.PathAndQuery);
        Assert.Contains("sign in to it, then accept", anonymousPage.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var reader = await Accounts.SignedInClientAsync(site, name);
        var accepted = await SubmitAsync(reader, link.PathAndQuery, "/members/invitation", ("Token", Token(link)));

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.True(await IsMemberAsync(name));
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
        Assert.Empty(MailTo("someone@example.org"));
        await site.SettingsAsync(registration: r => r.Mode = "Closed");
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    [Fact]
    public async Task SignUp_WithBadValues_ShowsEachProblem_AndStoresNothing()
    {
        await site.SettingsAsync(registration: r => r.Mode = "Open");
        var (_, taken) = await NamedMemberAsync(site);
        var reader = site.CreateReader();
        var before = await DatabaseFingerprint.TakeAsync(site);

        var response = await SubmitAsync(reader, "/register", "/register",
            ("UserName", taken), ("Email", "nope"), ("Password", "short"), ("ConfirmPassword", "short"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await DocumentAsync(response);
        Assert.Equal($"The user name '{taken}' is taken; choose another.", page.QuerySelector("[data-valmsg-for=UserName]")!.TextContent.Trim());
        Assert.Equal("Enter a valid e-mail address.", page.QuerySelector("[data-valmsg-for=Email]")!.TextContent.Trim());
        Assert.Contains("12 characters", page.QuerySelector("[data-valmsg-for=Password]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    private static Task<HttpResponseMessage> RegisterAsync(HttpClient reader, string name, params (string, string)[] extra)
        => SubmitAsync(reader, "/register", "/register",
            [("UserName", name), ("Email", $"{name}@example.org"), ("Password", Accounts.Password), ("ConfirmPassword", Accounts.Password), .. extra]);

    private Task<bool> IsMemberAsync(string userName) => site.InScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<CmsUser>>();
        var user = await users.FindByNameAsync(userName);
        return user is not null && await users.IsInRoleAsync(user, StandardRoles.Member);
    });

    private List<MimeMessage> MailTo(string address)
    {
        var folder = Path.Combine(site.AppData, "mail-pickup");
        return !Directory.Exists(folder)
            ? []
            : Directory.GetFiles(folder, "*.eml").Select(f => MimeMessage.Load(f)).Where(m => m.To.Mailboxes.Any(b => b.Address == address)).ToList();
    }

    private static string ErrorOf(AngleSharp.Dom.IDocument page) => page.QuerySelector("[data-valmsg-for=Email]")?.TextContent.Trim() ?? "";

    private static string Token(Uri link) => Uri.UnescapeDataString(link.Query.TrimStart('?')["token=".Length..]);

    private static string NewName(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields)
        => new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));

    [GeneratedRegex(@"https?://\S+/members/invitation\?token=\S+")]
    private static partial Regex LinkPattern();
}
