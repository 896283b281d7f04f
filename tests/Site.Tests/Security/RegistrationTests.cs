using System.Net;
using System.Text.RegularExpressions;
using Site.Tests.Infrastructure;
using Site.Tests.Modules.Users;
using static Site.Tests.Modules.Comments.CommentPages;
using static Site.Tests.Modules.Comments.Members;

namespace Site.Tests.Security;

/// <summary>
/// Issue 10, point 9: registration answers the same for free and taken names and addresses; the e-mail to
/// the address tells its owner what happened, and only its link makes an account.
/// </summary>
public sealed partial class RegistrationTests(SecuritySite site) : IClassFixture<SecuritySite>
{
    [Fact]
    public async Task SignUp_AnswersTheSame_ForAFreeName_ATakenName_AndATakenAddress()
    {
        await site.SettingsAsync(registration: r => r.Mode = "Open");
        var existing = Browser.NewName("existing");
        await Browser.CreateUserAsync(site, existing, Accounts.Password);
        var free = Browser.NewName("newcomer");
        var other = Browser.NewName("other");
        var another = Browser.NewName("another");

        var answers = new List<(HttpStatusCode Status, string Text)>();
        foreach (var (name, address) in new[] { (free, $"{free}@example.org"), (existing, $"{other}@example.org"), (another, $"{existing}@example.org") })
        {
            var response = await SubmitAsync(site.ClientFor(), "/register", "/register",
                ("UserName", name), ("Email", address), ("Password", Accounts.Password), ("ConfirmPassword", Accounts.Password));
            answers.Add((response.StatusCode, (await DocumentAsync(response)).QuerySelector("main")!.TextContent.Replace(address, "ADDRESS", StringComparison.Ordinal)));
        }

        Assert.All(answers, a => Assert.Equal(answers[0], a));
        Assert.Equal(HttpStatusCode.OK, answers[0].Status);
        Assert.Contains("We sent a message to ADDRESS. Open the link in it within 24 hours", answers[0].Text, StringComparison.Ordinal);
        Assert.Null(await Browser.FindUserAsync(site, free));
        Assert.Null(await Browser.FindUserAsync(site, another));

        Assert.Contains("/register/confirm?token=", Assert.Single(MailTo(site, $"{free}@example.org")).TextBody, StringComparison.Ordinal);
        Assert.Contains($"named \"{existing}\" with this address. That name is taken", Assert.Single(MailTo(site, $"{other}@example.org")).TextBody, StringComparison.Ordinal);
        var owner = Assert.Single(MailTo(site, $"{existing}@example.org")).TextBody ?? "";
        Assert.Contains($"which already has the account \"{existing}\"", owner, StringComparison.Ordinal);
        Assert.Contains($"{SecuritySite.Origin}/account/forgot-password", owner, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignUpLink_MakesTheAccountOnce_WithTheAddressConfirmed()
    {
        await site.SettingsAsync(registration: r => r.Mode = "Open");
        var name = Browser.NewName("confirmer");
        await SubmitAsync(site.ClientFor(), "/register", "/register",
            ("UserName", name), ("Email", $"{name}@example.org"), ("Password", Accounts.Password), ("ConfirmPassword", Accounts.Password));
        var link = new Uri(ConfirmLink().Match(Assert.Single(MailTo(site, $"{name}@example.org")).TextBody ?? "").Value);
        Assert.StartsWith(SecuritySite.Origin + "/register/confirm?token=", link.AbsoluteUri, StringComparison.Ordinal);
        var token = Uri.UnescapeDataString(link.Query["?token=".Length..]);
        var clients = new[] { site.ClientFor(), site.ClientFor(), site.ClientFor() };
        var tokens = new List<string>();
        foreach (var client in clients)
        {
            tokens.Add(Html.AntiforgeryToken((await Html.GetAsync(client, link.PathAndQuery)).Document));
        }

        var responses = await Task.WhenAll(clients.Select((c, i) => Task.Run(() =>
            c.PostAsync("/register/confirm", Form(("Token", token), ("__RequestVerificationToken", tokens[i]))))));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        var user = await Browser.FindUserAsync(site, name);
        Assert.True(user!.EmailConfirmed);
        Assert.True(await IsMemberAsync(site, name));
        Assert.Equal(HttpStatusCode.Redirect, (await Browser.SignInAsync(site.ClientFor(), name, Accounts.Password)).StatusCode);
    }

    [GeneratedRegex(@"https?://\S+/register/confirm\?token=\S+")]
    private static partial Regex ConfirmLink();
}
