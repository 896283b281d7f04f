using MailKit.Security;

namespace Modules.Email.Settings;

/// <summary>The words the settings accept for delivery method and TLS mode, matched without regard to case.</summary>
public static class EmailChoices
{
    public const string Pickup = "Pickup";
    public const string Smtp = "Smtp";

    public static readonly IReadOnlyList<string> DeliveryMethods = [Pickup, Smtp];

    public static readonly IReadOnlyList<string> TlsModes = ["None", "StartTls", "SslOnConnect", "Auto"];

    /// <summary>The choice as spelled in <paramref name="choices"/>, or null when it is not one of them.</summary>
    public static string? Match(IReadOnlyList<string> choices, string? value)
        => choices.FirstOrDefault(c => string.Equals(c, value?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static SecureSocketOptions ToSocketOptions(string tlsMode) => tlsMode switch
    {
        "None" => SecureSocketOptions.None,
        "StartTls" => SecureSocketOptions.StartTls,
        "SslOnConnect" => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
