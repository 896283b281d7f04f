using MimeKit;

namespace Modules.Email.Settings;

/// <summary>How mail goes out now: the stored settings with the "Email" configuration section laid over them.</summary>
public sealed record EmailDelivery(
    string DeliveryMethod,
    MailboxAddress From,
    string Host,
    int Port,
    string TlsMode,
    string UserName,
    string? Password,
    string PickupFolder);

/// <summary>The delivery to use, or why there is none (a bad value in configuration, an unreadable password).</summary>
public sealed record EmailDeliveryResult(EmailDelivery? Delivery, string? Error);
