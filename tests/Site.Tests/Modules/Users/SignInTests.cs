using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.Users;

/// <summary>Sign-in and sign-out through the real pages: no lockout, one message for every refusal, safe return URLs.</summary>
public sealed class SignInTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private const string Password = "a long pass phrase";
    private const string Generic = "The user name or password is incorrect.";

    [Fact]
    public async Task SignIn_ByUserNameOrEmail_ThenSignOut_EndsTheSession()
    {
        var name = Browser.NewName("reader");
        await Browser.CreateUserAsync(site, name, Password);
        var client = site.CreateReader();

        var byName = await Browser.SignInAsync(client, name, Password);
        Assert.Equal(HttpStatusCode.Redirect, byName.StatusCode);
        Assert.Equal("/", byName.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/password")).StatusCode);

        var signOut = await Browser.SubmitAsync(client, "/account/password", "/logout");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var afterSignOut = await client.GetAsync("/account/password");
        Assert.Equal(HttpStatusCode.Redirect, afterSignOut.StatusCode);
        Assert.StartsWith("/login", afterSignOut.Headers.Location!.PathAndQuery);

        var byEmail = await Browser.SignInAsync(site.CreateReader(), $"{name}@example.org", Password);
        Assert.Equal(HttpStatusCode.Redirect, byEmail.StatusCode);
    }

    [Fact]
    public async Task WrongPasswords_GetTheSameMessageForKnownAndUnknownUsers_AndNeverLockTheAccount()
    {
        var known = Browser.NewName("target");
        await Browser.CreateUserAsync(site, known, Password);
        var unknown = Browser.NewName("nobody");
        var client = site.CreateReader();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var knownPage = await Browser.PageAsync(await Browser.SignInAsync(client, known, $"wrong password {attempt}"));
            var unknownPage = await Browser.PageAsync(await Browser.SignInAsync(client, unknown, $"wrong password {attempt}"));

            Assert.Equal(Generic, Browser.Summary(knownPage));
            Assert.Equal(Browser.Summary(knownPage), Browser.Summary(unknownPage));
            Assert.Equal(knownPage.QuerySelector("main")!.TextContent, unknownPage.QuerySelector("main")!.TextContent);
        }

        // Guessing is slowed by the rate limits (Security/RateLimitTests), not by a lockout strangers could trigger.
        var user = await Browser.FindUserAsync(site, known);
        Assert.Null(user!.LockoutEnd);
        var right = await Browser.SignInAsync(client, known, Password);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
    }

    [Fact]
    public async Task DisabledUser_CannotSignIn_AndSeesTheGenericMessage()
    {
        var name = Browser.NewName("gone");
        var user = await Browser.CreateUserAsync(site, name, Password);
        await site.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<global::Cms.Security.CmsUser>>();
            var stored = await users.FindByIdAsync(user.Id);
            stored!.IsEnabled = false;
            await users.UpdateAsync(stored);
        });

        var response = await Browser.SignInAsync(site.CreateReader(), name, Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Generic, Browser.Summary(await Browser.PageAsync(response)));
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("http:/evil.example")]
    [InlineData(" //evil.example")]
    public async Task SignIn_GoesHome_WhenReturnUrlLeavesTheSite(string returnUrl)
    {
        var response = await Browser.SignInAsync(site.CreateReader(), SiteFactory.AdminUserName, SiteFactory.AdminPassword, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignIn_ReturnsToTheLocalPage_ItWasSentFrom()
    {
        var client = site.CreateReader();
        var challenge = await client.GetAsync("/admin/users");
        Assert.Equal("/login?ReturnUrl=%2Fadmin%2Fusers", challenge.Headers.Location!.PathAndQuery);

        var (_, form) = await Html.GetAsync(client, challenge.Headers.Location!.PathAndQuery);
        Assert.Equal("/admin/users", form.QuerySelector("input[name=ReturnUrl]")!.GetAttribute("value"));
        var response = await Browser.SignInAsync(client, SiteFactory.AdminUserName, SiteFactory.AdminPassword, "/admin/users");

        Assert.Equal("/admin/users", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/users")).StatusCode);
    }

    [Fact]
    public async Task EmptyFields_AreNamed_AndNothingIsChecked()
    {
        var page = await Browser.PageAsync(await Browser.SignInAsync(site.CreateReader(), "", ""));

        Assert.Contains("user name", Browser.ErrorFor(page, "UserName"));
        Assert.Contains("password", Browser.ErrorFor(page, "Password"));
        Assert.Equal("", Browser.Summary(page));
    }
}
