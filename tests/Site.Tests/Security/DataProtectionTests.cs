using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Cms.Data;
using Cms.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Site.Tests.Deployers;
using Site.Tests.Infrastructure;
using Site.Tests.Modules.Users;

namespace Site.Tests.Security;

/// <summary>A site given a certificate (a .pfx with a password) to encrypt its Data Protection keys with.</summary>
public sealed class CertificateSite : SiteFactory
{
    public const string Password = "pfx-pass-phrase";

    public CertificateSite()
    {
        CertificatePath = Path.Combine(AppData, "..", $"dp-{Guid.NewGuid():N}.pfx");
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=News Commentary keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(CertificatePath, certificate.Export(X509ContentType.Pfx, Password));
        Settings["Cms:DataProtection:CertificatePath"] = CertificatePath;
        Settings["Cms:DataProtection:CertificatePassword"] = Password;
    }

    public string CertificatePath { get; }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        File.Delete(CertificatePath);
    }
}

/// <summary>Issue 10, point 9: Data Protection keys are encrypted at rest when a certificate is configured.</summary>
public sealed class DataProtectionTests(CertificateSite site) : IClassFixture<CertificateSite>
{
    [Fact]
    public async Task Keys_AreStoredEncryptedWithTheCertificate_AndReadBack()
    {
        // Signing in makes the site protect a cookie, so the key ring has a key.
        await Browser.AdminAsync(site);

        var stored = await site.InScopeAsync(sp => sp.GetRequiredService<CmsDbContext>().Set<DataProtectionKeyRecord>().AsNoTracking().Select(k => k.Xml).ToListAsync());
        var keys = await site.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<IKeyManager>().GetAllKeys()));

        Assert.NotEmpty(stored);
        Assert.All(stored, xml =>
        {
            Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
        Assert.All(keys, key => Assert.NotNull(key.Descriptor));
    }

    [Fact]
    public void TheApplicationName_IsTheSitesOwn_NotItsFolder()
    {
        // The default discriminator is the content root: a release unpacked elsewhere signed every member out.
        var options = site.Services.GetRequiredService<IOptions<DataProtectionOptions>>().Value;
        var environment = site.Services.GetRequiredService<IHostEnvironment>();

        Assert.Equal(CmsServiceCollectionExtensions.DataProtectionApplicationName, options.ApplicationDiscriminator);
        Assert.DoesNotContain(environment.ContentRootPath.TrimEnd('/'), options.ApplicationDiscriminator ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingCertificate_StopsTheHost_WithTheReason()
    {
        await using var cli = new CliSite();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Cli.RunAsync(cli.AppData, "features", "list", "--Cms:DataProtection:CertificatePath=/no/such/keys.pfx"));

        Assert.Equal("Cms:DataProtection:CertificatePath: there is no file '/no/such/keys.pfx'.", error.Message);
    }
}
