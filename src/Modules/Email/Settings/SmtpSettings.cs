namespace Modules.Email.Settings;

/// <summary>The "SmtpSettings" section of the site settings, as the e-mail settings page stores it.</summary>
public sealed class SmtpSettings
{
    public const string SectionName = "SmtpSettings";
    public const string DefaultFrom = "no-reply@localhost";

    /// <summary>"Pickup" (write .eml files) or "Smtp".</summary>
    public string DeliveryMethod { get; set; } = EmailChoices.Pickup;

    /// <summary>The sender, "address" or "Name &lt;address&gt;"; empty means <see cref="DefaultFrom"/>.</summary>
    public string From { get; set; } = "";

    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;

    /// <summary>None, StartTls, SslOnConnect or Auto (TLS on connect for port 465, else STARTTLS when offered).</summary>
    public string TlsMode { get; set; } = "Auto";

    public string UserName { get; set; } = "";

    /// <summary>The password as ASP.NET Core Data Protection protected it; never the password itself.</summary>
    public string ProtectedPassword { get; set; } = "";

    /// <summary>Empty means App_Data/mail-pickup; a relative path is taken from App_Data.</summary>
    public string PickupFolder { get; set; } = "";
}
