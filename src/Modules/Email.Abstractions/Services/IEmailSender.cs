namespace Modules.Email.Services;

/// <summary>Sends mail: over SMTP, or into a pickup folder. The Email module provides it.</summary>
public interface IEmailSender
{
    Task<EmailResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}

public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody = null);

public sealed record EmailResult(bool Succeeded, string? Error)
{
    public static EmailResult Ok() => new(true, null);

    public static EmailResult Failed(string error) => new(false, error);
}
