using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Site.Tests.Infrastructure;
using Site.Tests.Modules.Users;

namespace Site.Tests.Modules.Email;

/// <summary>A site whose "Email" configuration sends over SMTP to a fake server on 127.0.0.1.</summary>
public sealed class SmtpSiteFactory : SiteFactory
{
    public FakeSmtpServer Smtp { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Email:DeliveryMethod", "Smtp");
        builder.UseSetting("Email:Host", "127.0.0.1");
        builder.UseSetting("Email:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Email:TlsMode", "None");
        builder.UseSetting("Email:From", "news@example.org");
        builder.UseSetting("Email:UserName", "mailer");
        builder.UseSetting("Email:Password", "smtp secret");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Smtp.Dispose();
    }
}

/// <summary>Configuration (Email__*) wins over the stored settings, and SMTP delivery speaks to a real socket.</summary>
public sealed class SmtpDeliveryTests(SmtpSiteFactory site) : IClassFixture<SmtpSiteFactory>
{
    [Fact]
    public async Task TestMessage_GoesOverSmtp_WithTheConfiguredServerAndCredentials()
    {
        var admin = await Browser.AdminAsync(site);
        var (_, page) = await Html.GetAsync(admin, "/admin/settings/email");
        Assert.Contains("Email__Host", page.QuerySelector("main")!.TextContent);

        var sent = await Browser.SubmitAsync(admin, "/admin/settings/email", "/admin/settings/email/test", ("Test.To", "reader@example.org"));

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("A test message was sent", await admin.GetStringAsync("/admin/settings/email"));
        var commands = site.Smtp.Commands.ToList();
        Assert.Contains("MAIL FROM:<news@example.org>", commands);
        Assert.Contains("RCPT TO:<reader@example.org>", commands);
        var auth = commands.Single(c => c.StartsWith("AUTH PLAIN ", StringComparison.Ordinal));
        Assert.Equal("\0mailer\0smtp secret", Encoding.UTF8.GetString(Convert.FromBase64String(auth["AUTH PLAIN ".Length..])));
        Assert.Contains("Subject: Test message", Assert.Single(site.Smtp.Messages));
        Assert.False(Directory.Exists(Path.Combine(site.AppData, "mail-pickup")));
    }
}
