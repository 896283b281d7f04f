using Cms.Settings;
using Microsoft.Extensions.Logging;
using MimeKit;
using Modules.Email.Services;
using Modules.Email.Settings;

namespace Modules.Email.Services;

/// <summary>Modules.Email.Services.IEmailSender with MimeKit messages: into the pickup folder, or over SMTP with MailKit.</summary>
public sealed class MailKitEmailSender(
    EmailSettingsService settings,
    ISiteService site,
    TimeProvider clock,
    ILogger<MailKitEmailSender> logger) : IEmailSender
{
    public async Task<EmailResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var (delivery, error) = await settings.GetDeliveryAsync();
        if (delivery is null)
        {
            return EmailResult.Failed(error!);
        }

        if (!MailAddresses.TryParse(message.To, out var to))
        {
            return EmailResult.Failed($"'{message.To}' is not an e-mail address.");
        }

        var from = delivery.From;
        if (string.IsNullOrEmpty(from.Name))
        {
            from = new MailboxAddress((await site.GetAsync()).SiteName, from.Address);
        }

        using var mime = new MimeMessage();
        mime.From.Add(from);
        mime.To.Add(to);
        mime.Subject = message.Subject;
        mime.Date = clock.GetUtcNow();
        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        try
        {
            if (delivery.DeliveryMethod == EmailChoices.Smtp)
            {
                await SmtpDelivery.SendAsync(mime, delivery, cancellationToken);
            }
            else
            {
                await PickupFolderWriter.WriteAsync(mime, delivery.PickupFolder, clock.GetUtcNow(), cancellationToken);
            }

            return EmailResult.Ok();
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
        {
            // Callers show the reason (the test form) or log it; mail failing must not fail their request.
            logger.LogError(ex, "Mail to {To} could not be sent by {Method}", to.Address, delivery.DeliveryMethod);
            return EmailResult.Failed($"The message could not be sent: {ex.Message}");
        }
    }
}
