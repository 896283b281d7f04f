namespace Modules.Email.Settings;

/// <summary>The settings form as posted; strings throughout, so every bad value gets its own message.</summary>
public sealed class SmtpSettingsForm
{
    public string? DeliveryMethod { get; set; }
    public string? From { get; set; }
    public string? Host { get; set; }
    public string? Port { get; set; }
    public string? TlsMode { get; set; }
    public string? UserName { get; set; }

    /// <summary>Empty keeps the stored password; it is never shown back.</summary>
    public string? Password { get; set; }

    public bool ClearPassword { get; set; }
    public string? PickupFolder { get; set; }

    public static SmtpSettingsForm Of(SmtpSettings settings) => new()
    {
        DeliveryMethod = settings.DeliveryMethod,
        From = settings.From,
        Host = settings.Host,
        Port = settings.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        TlsMode = settings.TlsMode,
        UserName = settings.UserName,
        PickupFolder = settings.PickupFolder,
    };
}
