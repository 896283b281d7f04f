using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Hosting;

/// <summary>
/// Data Protection keys (which protect sign-in cookies, antiforgery tokens and the stored SMTP password)
/// are kept in the database; with Cms__DataProtection__CertificatePath (a .pfx file) and
/// __CertificatePassword set, each key is encrypted with that certificate before it is stored, so a copy
/// of the database alone does not give them away. Every node needs the same certificate.
/// </summary>
public static class DataProtectionCertificate
{
    public const string Section = "Cms:DataProtection";

    public static IServiceCollection AddCmsDataProtectionCertificate(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var path = section["CertificatePath"];
        if (string.IsNullOrWhiteSpace(path))
        {
            return services;
        }

        services.AddDataProtection().ProtectKeysWithCertificate(Load(path, section["CertificatePassword"]));
        return services;
    }

    private static X509Certificate2 Load(string path, string? password)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{Section}:CertificatePath: there is no file '{path}'.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException ex)
        {
            throw new InvalidOperationException($"{Section}:CertificatePath: '{path}' could not be opened ({ex.Message}); is {Section}:CertificatePassword right?", ex);
        }

        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"{Section}:CertificatePath: '{path}' has no private key, so keys encrypted with it could not be read back.");
    }
}
