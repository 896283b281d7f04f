using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Modules.Email.Settings;

/// <summary>
/// Lays the "Email" configuration section (Email__Host, Email__Port, ...) over the stored settings:
/// a deployer's value wins whenever it is set, so secrets can stay out of the database.
/// </summary>
public static class EmailDeliveryResolver
{
    public const string SectionName = "Email";

    public static readonly IReadOnlyList<string> Keys =
        ["DeliveryMethod", "From", "Host", "Port", "TlsMode", "UserName", "Password", "PickupFolder"];

    /// <summary>The keys the configuration sets (non-empty), so the settings page can say so.</summary>
    public static IReadOnlySet<string> Configured(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        return Keys.Where(k => !string.IsNullOrEmpty(section[k])).ToHashSet(StringComparer.Ordinal);
    }

    /// <param name="storedPassword">Reads the stored password only when configuration does not give one.</param>
    public static EmailDeliveryResult Resolve(SmtpSettings stored, IConfiguration configuration, Func<string?> storedPassword, string appDataPath)
    {
        var section = configuration.GetSection(SectionName);
        string? Configured(string key) => string.IsNullOrEmpty(section[key]) ? null : section[key];

        var method = EmailChoices.Match(EmailChoices.DeliveryMethods, Configured("DeliveryMethod") ?? stored.DeliveryMethod);
        if (method is null)
        {
            return Fail($"The delivery method '{Configured("DeliveryMethod") ?? stored.DeliveryMethod}' is neither Pickup nor Smtp.");
        }

        var portText = Configured("Port") ?? stored.Port.ToString(CultureInfo.InvariantCulture);
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            return Fail($"The SMTP port '{portText}' is not a number from 1 to 65535.");
        }

        var tls = EmailChoices.Match(EmailChoices.TlsModes, Configured("TlsMode") ?? stored.TlsMode);
        if (tls is null)
        {
            return Fail($"The TLS mode '{Configured("TlsMode") ?? stored.TlsMode}' is not one of {string.Join(", ", EmailChoices.TlsModes)}.");
        }

        var fromText = Configured("From") ?? (string.IsNullOrWhiteSpace(stored.From) ? SmtpSettings.DefaultFrom : stored.From);
        if (!MailAddresses.TryParse(fromText, out var from))
        {
            return Fail($"The sender '{fromText}' is not an e-mail address.");
        }

        var host = (Configured("Host") ?? stored.Host).Trim();
        if (method == EmailChoices.Smtp && host.Length == 0)
        {
            return Fail("Mail is to go over SMTP, but no SMTP host is set.");
        }

        var folder = Configured("PickupFolder") ?? stored.PickupFolder;
        var pickup = string.IsNullOrWhiteSpace(folder) ? DefaultPickupFolder(appDataPath) : Path.GetFullPath(folder, appDataPath);
        var userName = Configured("UserName") ?? stored.UserName;
        var password = Configured("Password") ?? (userName.Length > 0 ? storedPassword() : null);
        return new EmailDeliveryResult(new EmailDelivery(method, from, host, port, tls, userName, password, pickup), null);
    }

    public static string DefaultPickupFolder(string appDataPath) => Path.Combine(appDataPath, "mail-pickup");

    private static EmailDeliveryResult Fail(string error) => new(null, error + " Check the e-mail settings and the Email__* configuration.");
}
