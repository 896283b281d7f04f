using MailKit.Net.Smtp;
using MimeKit;
using Modules.Email.Settings;

namespace Modules.Email.Services;

/// <summary>Hands one message to the SMTP server the settings name.</summary>
public static class SmtpDelivery
{
    private const int TimeoutMilliseconds = 30_000;

    public static async Task SendAsync(MimeMessage message, EmailDelivery delivery, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = TimeoutMilliseconds };
        await client.ConnectAsync(delivery.Host, delivery.Port, EmailChoices.ToSocketOptions(delivery.TlsMode), cancellationToken);
        if (delivery.UserName.Length > 0)
        {
            await client.AuthenticateAsync(delivery.UserName, delivery.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
