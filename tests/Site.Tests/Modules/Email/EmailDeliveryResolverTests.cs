using Microsoft.Extensions.Configuration;
using Modules.Email.Settings;

namespace Site.Tests.Modules.Email;

/// <summary>How stored settings and the "Email" configuration section combine.</summary>
public sealed class EmailDeliveryResolverTests
{
    private const string AppData = "/srv/site/App_Data";

    [Fact]
    public void Resolve_UsesPickupInAppData_ByDefault()
    {
        var result = EmailDeliveryResolver.Resolve(new SmtpSettings(), Configuration(), () => null, AppData);

        Assert.Equal(EmailChoices.Pickup, result.Delivery!.DeliveryMethod);
        Assert.Equal(Path.Combine(AppData, "mail-pickup"), result.Delivery.PickupFolder);
        Assert.Equal(SmtpSettings.DefaultFrom, result.Delivery.From.Address);
    }

    [Fact]
    public void Resolve_LetsConfigurationWin_WhenItIsSet()
    {
        var stored = new SmtpSettings { DeliveryMethod = "Pickup", Host = "stored.example.org", Port = 25, UserName = "stored", ProtectedPassword = "x" };
        var configuration = Configuration(("DeliveryMethod", "smtp"), ("Host", "relay.example.org"), ("Port", "2525"), ("Password", "from config"), ("Host2", "ignored"));

        var delivery = EmailDeliveryResolver.Resolve(stored, configuration, () => "stored password", AppData).Delivery!;

        Assert.Equal(("Smtp", "relay.example.org", 2525, "stored", "from config"), (delivery.DeliveryMethod, delivery.Host, delivery.Port, delivery.UserName, delivery.Password));
        Assert.Equal(["DeliveryMethod", "Host", "Password", "Port"], EmailDeliveryResolver.Configured(configuration).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Port", "smtp", "1 to 65535")]
    [InlineData("TlsMode", "Sometimes", "TLS mode")]
    [InlineData("From", "nobody", "not an e-mail address")]
    [InlineData("DeliveryMethod", "Pigeon", "neither Pickup nor Smtp")]
    public void Resolve_ExplainsABadConfiguredValue(string key, string value, string message)
    {
        var result = EmailDeliveryResolver.Resolve(new SmtpSettings(), Configuration((key, value)), () => null, AppData);

        Assert.Null(result.Delivery);
        Assert.Contains(message, result.Error);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values)
        => new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => KeyValuePair.Create<string, string?>($"Email:{v.Key}", v.Value)))
            .Build();
}
