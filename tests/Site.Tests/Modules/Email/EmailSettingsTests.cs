using System.Net;
using Cms.Security;
using Cms.Settings;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Modules.Email.Settings;
using Site.Tests.Infrastructure;
using Site.Tests.Modules.Users;

namespace Site.Tests.Modules.Email;

/// <summary>The e-mail settings page: bad values refused beside their field, the password kept secret, test messages.</summary>
public sealed class EmailSettingsTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private const string Page = "/admin/settings/email";

    [Fact]
    public async Task BadValues_AreNamedBesideTheirFields_AndWriteNothing()
    {
        var admin = await Browser.AdminAsync(site);
        var before = await DatabaseFingerprint.TakeAsync(site);

        var response = await Browser.SubmitAsync(admin, Page, Page,
            ("Settings.DeliveryMethod", "Pigeon"), ("Settings.From", "not an address"), ("Settings.Port", "70000"),
            ("Settings.TlsMode", "Sometimes"), ("Settings.PickupFolder", "../../outside"));
        var smtpWithoutHost = await Browser.SubmitAsync(admin, Page, Page,
            ("Settings.DeliveryMethod", "Smtp"), ("Settings.From", "news@example.org"), ("Settings.Port", "0"), ("Settings.TlsMode", "Auto"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browser.PageAsync(response);
        Assert.Contains("Pigeon", Browser.ErrorFor(page, "Settings.DeliveryMethod"));
        Assert.Contains("not an e-mail address", Browser.ErrorFor(page, "Settings.From"));
        Assert.Contains("1 to 65535", Browser.ErrorFor(page, "Settings.Port"));
        Assert.Contains("Sometimes", Browser.ErrorFor(page, "Settings.TlsMode"));
        Assert.Contains("inside App_Data", Browser.ErrorFor(page, "Settings.PickupFolder"));
        var second = await Browser.PageAsync(smtpWithoutHost);
        Assert.Contains("host", Browser.ErrorFor(second, "Settings.Host"));
        Assert.Contains("1 to 65535", Browser.ErrorFor(second, "Settings.Port"));
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    [Fact]
    public async Task Save_StoresThePasswordProtected_AndNeverShowsItBack()
    {
        var admin = await Browser.AdminAsync(site);

        var saved = await Browser.SubmitAsync(admin, Page, Page,
            ("Settings.DeliveryMethod", "Pickup"), ("Settings.From", "News <news@example.org>"), ("Settings.Host", "smtp.example.org"),
            ("Settings.Port", "465"), ("Settings.TlsMode", "sslonconnect"), ("Settings.UserName", "mailer"), ("Settings.Password", "smtp secret 42"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await site.InScopeAsync(async sp => (await sp.GetRequiredService<ISiteService>().GetAsync()).GetSection<SmtpSettings>(SmtpSettings.SectionName));
        Assert.Equal(("smtp.example.org", 465, "SslOnConnect", "mailer"), (stored.Host, stored.Port, stored.TlsMode, stored.UserName));
        Assert.NotEqual("", stored.ProtectedPassword);
        Assert.DoesNotContain("smtp secret 42", stored.ProtectedPassword);
        var html = await admin.GetStringAsync(Page);
        Assert.Contains("Saved.", html);
        Assert.Contains("A password is stored", html);
        Assert.DoesNotContain("smtp secret 42", html);
        var delivery = await site.InScopeAsync(sp => sp.GetRequiredService<global::Modules.Email.Services.EmailSettingsService>().GetDeliveryAsync());
        Assert.Equal("smtp secret 42", delivery.Delivery!.Password);
    }

    [Fact]
    public async Task TestMessage_LandsInThePickupFolder()
    {
        var admin = await Browser.AdminAsync(site);

        var sent = await Browser.SubmitAsync(admin, Page, $"{Page}/test", ("Test.To", "someone@example.org"));

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("A test message was sent to someone@example.org.", await admin.GetStringAsync(Page));
        var files = Directory.GetFiles(Path.Combine(site.AppData, "mail-pickup"), "*.eml");
        var message = files.Select(f => MimeMessage.Load(f)).Single(m => m.To.Mailboxes.Any(b => b.Address == "someone@example.org"));
        Assert.Equal("Test message", message.Subject);
        Assert.Matches(@"^\d{8}T\d{6}\.\d{7}Z-[0-9a-f]{32}\.eml$", Path.GetFileName(files[0]));

        var bad = await Browser.SubmitAsync(admin, Page, $"{Page}/test", ("Test.To", "nobody"));
        Assert.Contains("address", Browser.ErrorFor(await Browser.PageAsync(bad), "Test.To"));
    }

    [Fact]
    public async Task SettingsPage_Answers403ToEditors_AndSendsVisitorsToSignIn()
    {
        var name = Browser.NewName("editor");
        await Browser.CreateUserAsync(site, name, "an editor pass phrase", StandardRoles.Editor);
        var editor = await Browser.SignedInAsync(site, name, "an editor pass phrase");
        var before = await DatabaseFingerprint.TakeAsync(site);

        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync(Page)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Browser.SubmitAsync(editor, "/account/password", Page, ("Settings.Port", "25"))).StatusCode);
        Assert.Equal("/login?ReturnUrl=%2Fadmin%2Fsettings%2Femail", (await site.CreateReader().GetAsync(Page)).Headers.Location!.PathAndQuery);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }
}
