using System.Net;
using Site.Tests.Infrastructure;
using static Site.Tests.Modules.Comments.CommentPages;
using static Site.Tests.Modules.Comments.Members;

namespace Site.Tests.Modules.Comments;

/// <summary>How readers become members by themselves: sign-up as the registration settings allow, and requests a moderator decides.</summary>
public sealed class MembershipTests(CommentsSite site) : IClassFixture<CommentsSite>
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

        var response = await RegisterAndConfirmAsync(site, reader, name);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("you are a member", await reader.GetStringAsync("/members"), StringComparison.Ordinal);
        Assert.True(await IsMemberAsync(site, name));
        Assert.Equal(HttpStatusCode.Redirect, (await CommentAsync(reader, post, "Hello, I just joined.")).StatusCode);
    }

    [Fact]
    public async Task SignUp_WithApproval_WaitsForAModerator_WhoApproves()
    {
        await site.SettingsAsync(s => s.Moderation = "None", r => r.Mode = "OpenWithApproval");
        var post = await NewPostAsync(site);
        var reader = site.CreateReader();
        var name = NewName("applicant");

        var response = await RegisterAndConfirmAsync(site, reader, name, ("Message", "I read every post."));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await IsMemberAsync(site, name));
        Assert.Contains("A moderator will decide", await reader.GetStringAsync("/members"), StringComparison.Ordinal);
        Assert.Null((await Html.GetAsync(reader, post.Path)).Document.QuerySelector("form.comment-form"));

        var moderator = await SignedInAsync(site, "gatekeeper", "Moderator");
        var (_, queue) = await Html.GetAsync(moderator, "/admin/members/requests");
        var row = queue.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(name, StringComparison.Ordinal));
        Assert.Contains("I read every post.", row.TextContent, StringComparison.Ordinal);
        var approve = row.QuerySelector("form[action$='/approve']")!.GetAttribute("action")!;
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(moderator, "/admin/members/requests", approve)).StatusCode);

        Assert.True(await IsMemberAsync(site, name));
        var again = await Accounts.SignedInClientAsync(site, name);
        Assert.NotNull((await Html.GetAsync(again, post.Path)).Document.QuerySelector("form.comment-form"));
        Assert.Single(MailTo(site, $"{name}@example.org"), m => m.Subject?.StartsWith("You are a member of", StringComparison.Ordinal) == true);
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

        Assert.False(await IsMemberAsync(site, name));
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
    public async Task SignUp_WithBadValues_ShowsEachProblem_AndStoresNothing()
    {
        await site.SettingsAsync(registration: r => r.Mode = "Open");
        var reader = site.CreateReader();
        var before = await DatabaseFingerprint.TakeAsync(site);

        var response = await SubmitAsync(reader, "/register", "/register",
            ("UserName", "bad name!"), ("Email", "nope"), ("Password", "short"), ("ConfirmPassword", "short"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await DocumentAsync(response);
        Assert.StartsWith("Choose a user name of 1 to 64 letters", page.QuerySelector("[data-valmsg-for=UserName]")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("Enter a valid e-mail address.", page.QuerySelector("[data-valmsg-for=Email]")!.TextContent.Trim());
        Assert.Contains("12 characters", page.QuerySelector("[data-valmsg-for=Password]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    /// <summary>Signs up, then opens the link mailed to the address and creates the account, as the reader would.</summary>
    private static async Task<HttpResponseMessage> RegisterAndConfirmAsync(SiteFactory site, HttpClient reader, string name, params (string, string)[] extra)
    {
        var asked = await SubmitAsync(reader, "/register", "/register",
            [("UserName", name), ("Email", $"{name}@example.org"), ("Password", Accounts.Password), ("ConfirmPassword", Accounts.Password), .. extra]);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var link = new Uri(System.Text.RegularExpressions.Regex.Match(Assert.Single(MailTo(site, $"{name}@example.org")).TextBody ?? "", @"https?://\S+/register/confirm\?token=\S+").Value);
        return await SubmitAsync(reader, link.PathAndQuery, "/register/confirm", ("Token", Token(link)));
    }
}
