using System.Globalization;

namespace Modules.Email.Settings;

/// <summary>Checks the settings form; each problem is reported against its field, and nothing is built then.</summary>
public static class SmtpSettingsValidator
{
    public const int MaxLength = 256;

    /// <summary>The settings the form describes (password left to the caller), or the problems by field name.</summary>
    public static (SmtpSettings? Settings, Dictionary<string, string> Errors) Validate(SmtpSettingsForm form, string appDataPath)
    {
        var errors = new Dictionary<string, string>();
        var method = EmailChoices.Match(EmailChoices.DeliveryMethods, form.DeliveryMethod);
        if (method is null)
        {
            errors[nameof(form.DeliveryMethod)] = $"'{form.DeliveryMethod}' is not a delivery method; choose Pickup or Smtp.";
        }

        var from = form.From?.Trim() ?? "";
        if (from.Length > 0 && !MailAddresses.TryParse(from, out _))
        {
            errors[nameof(form.From)] = $"'{from}' is not an e-mail address (write it as name@example.org or Name <name@example.org>).";
        }
        else if (from.Length == 0 && method == EmailChoices.Smtp)
        {
            errors[nameof(form.From)] = "SMTP servers need a sender address.";
        }

        var host = form.Host?.Trim() ?? "";
        if (host.Length > MaxLength || host.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            errors[nameof(form.Host)] = "The host is a server name or IP address, without spaces.";
        }
        else if (host.Length == 0 && method == EmailChoices.Smtp)
        {
            errors[nameof(form.Host)] = "Give the SMTP server's host name to send over SMTP.";
        }

        if (!int.TryParse(form.Port?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            errors[nameof(form.Port)] = $"The port must be a whole number from 1 to 65535, not '{form.Port}'.";
        }

        var tls = EmailChoices.Match(EmailChoices.TlsModes, form.TlsMode);
        if (tls is null)
        {
            errors[nameof(form.TlsMode)] = $"'{form.TlsMode}' is not a TLS mode; choose one of {string.Join(", ", EmailChoices.TlsModes)}.";
        }

        var userName = form.UserName?.Trim() ?? "";
        if (userName.Length > MaxLength || userName.Any(char.IsControl))
        {
            errors[nameof(form.UserName)] = $"The user name has at most {MaxLength} characters.";
        }

        if ((form.Password?.Length ?? 0) > MaxLength)
        {
            errors[nameof(form.Password)] = $"The password has at most {MaxLength} characters.";
        }

        var folder = form.PickupFolder?.Trim() ?? "";
        if (folder.Length > 0 && PickupFolderError(folder, appDataPath) is { } folderError)
        {
            errors[nameof(form.PickupFolder)] = folderError;
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new SmtpSettings
        {
            DeliveryMethod = method!,
            From = from,
            Host = host,
            Port = port,
            TlsMode = tls!,
            UserName = userName,
            PickupFolder = folder,
        }, errors);
    }

    /// <summary>
    /// The page may only pick a folder inside App_Data, so a holder of ManageEmailSettings cannot make
    /// the site write files into, say, its web root; a deployer may name any folder with Email__PickupFolder.
    /// </summary>
    private static string? PickupFolderError(string folder, string appDataPath)
    {
        string full;
        try
        {
            full = Path.GetFullPath(folder, appDataPath);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return $"'{folder}' is not a folder path.";
        }

        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(appDataPath));
        var inside = full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        return inside && folder.IndexOfAny(Path.GetInvalidPathChars()) < 0
            ? null
            : "The pickup folder must be inside App_Data (a relative path such as mail-pickup); set Email__PickupFolder in configuration for a folder elsewhere.";
    }
}
