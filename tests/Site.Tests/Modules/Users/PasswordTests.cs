using System.Net;
using System.Text.RegularExpressions;
using MimeKit;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.Users;

/// <summary>Changing a password, the password policy, and the e-mailed reset link.</summary>
public sealed partial class PasswordTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private const string Password = "the first pass phrase";

    [Fact]
    public async Task ChangePassword_NeedsTheCurrentOne_ThenTheNewOneSignsIn()
    {
        var name = Browser.NewName("changer");
        await Browser.CreateUserAsync(site, name, Password);
        var client = await Browser.SignedInAsync(site, name, Password);
        var before = await DatabaseFingerprint.TakeAsync(site);

        var wrong = await Browser.PageAsync(await ChangeAsync(client, "not my password", "a brand new phrase"));
        Assert.Equal("The current password is incorrect.", Browser.ErrorFor(wrong, "CurrentPassword"));
        var mismatch = await Browser.PageAsync(await ChangeAsync(client, Password, "a brand new phrase", "another phrase!!"));
        Assert.Contains("not the same", Browser.ErrorFor(mismatch, "ConfirmPassword"));
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));

        var changed = await ChangeAsync(client, Password, "a brand new phrase");

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Contains("has been changed", await client.GetStringAsync("/account/password"));
        Assert.Equal(HttpStatusCode.OK, (await Browser.SignInAsync(site.CreateReader(), name, Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Browser.SignInAsync(site.CreateReader(), name, "a brand new phrase")).StatusCode);
    }

    [Fact]
    public async Task PasswordPolicy_Refuses11Characters_Accepts12WithoutCompositionRules()
    {
        var name = Browser.NewName("policy");
        await Browser.CreateUserAsync(site, name, Password);
        var client = await Browser.SignedInAsync(site, name, Password);
        var before = await DatabaseFingerprint.TakeAsync(site);

        var refused = await ChangeAsync(client, Password, "abcdefghijk");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("12 characters", Browser.ErrorFor(await Browser.PageAsync(refused), "NewPassword"));
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));

        var accepted = await ChangeAsync(client, Password, "abcdefghijkl");

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Browser.SignInAsync(site.CreateReader(), name, "abcdefghijkl")).StatusCode);
    }

    [Fact]
    public async Task ChangePassword_SendsVisitorsToSignIn()
    {
        var response = await site.CreateReader().GetAsync("/account/password");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login?ReturnUrl=", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task ForgotPassword_MailsALink_ThatSetsANewPassword()
    {
        var name = Browser.NewName("forgetful");
        await Browser.CreateUserAsync(site, name, Password);
        var client = site.CreateReader();

        var known = await Browser.SubmitAsync(client, "/account/forgot-password", "/account/forgot-password", ("Email", $"{name}@example.org"));
        var unknown = await Browser.SubmitAsync(client, "/account/forgot-password", "/account/forgot-password", ("Email", "nobody-here@example.org"));

        const string Answer = "If an account exists for that address, we have sent a link";
        Assert.Contains(Answer, (await Browser.PageAsync(known)).QuerySelector("main")!.TextContent);
        Assert.Equal((await Browser.PageAsync(known)).QuerySelector("main")!.TextContent.Replace(name, "", StringComparison.Ordinal),
            (await Browser.PageAsync(unknown)).QuerySelector("main")!.TextContent);
        var mail = Assert.Single(MailTo($"{name}@example.org"));
        Assert.Empty(MailTo("nobody-here@example.org"));
        var link = new Uri(LinkPattern().Match(mail.TextBody ?? "").Value);

        var tooShort = await Browser.SubmitAsync(client, link.PathAndQuery, "/account/reset-password",
            ("UserId", Query(link, "userId")), ("Token", Query(link, "token")), ("NewPassword", "short"), ("ConfirmPassword", "short"));
        Assert.Contains("12 characters", Browser.ErrorFor(await Browser.PageAsync(tooShort), "NewPassword"));
        var forged = await Browser.SubmitAsync(client, link.PathAndQuery, "/account/reset-password",
            ("UserId", Query(link, "userId")), ("Token", "forged"), ("NewPassword", "a reset pass phrase"), ("ConfirmPassword", "a reset pass phrase"));
        Assert.Contains("not valid", Browser.Summary(await Browser.PageAsync(forged)));

        var reset = await Browser.SubmitAsync(client, link.PathAndQuery, "/account/reset-password",
            ("UserId", Query(link, "userId")), ("Token", Query(link, "token")), ("NewPassword", "a reset pass phrase"), ("ConfirmPassword", "a reset pass phrase"));

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal("/login", reset.Headers.Location!.OriginalString);
        Assert.Contains("new password is set", await client.GetStringAsync("/login"));
        Assert.Equal(HttpStatusCode.Redirect, (await Browser.SignInAsync(site.CreateReader(), name, "a reset pass phrase")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Browser.SignInAsync(site.CreateReader(), name, Password)).StatusCode);
    }

    private static Task<HttpResponseMessage> ChangeAsync(HttpClient client, string current, string next, string? confirmation = null)
        => Browser.SubmitAsync(client, "/account/password", "/account/password",
            ("CurrentPassword", current), ("NewPassword", next), ("ConfirmPassword", confirmation ?? next));

    private List<MimeMessage> MailTo(string address)
    {
        var folder = Path.Combine(site.AppData, "mail-pickup");
        return !Directory.Exists(folder)
            ? []
            : Directory.GetFiles(folder, "*.eml").Select(f => MimeMessage.Load(f))
                .Where(m => m.To.Mailboxes.Any(b => b.Address == address)).ToList();
    }

    private static string Query(Uri link, string key)
        => Uri.UnescapeDataString(link.Query.TrimStart('?').Split('&').First(p => p.StartsWith(key + "=", StringComparison.Ordinal))[(key.Length + 1)..]);

    [GeneratedRegex(@"https?://\S+/account/reset-password\?\S+")]
    private static partial Regex LinkPattern();
}
