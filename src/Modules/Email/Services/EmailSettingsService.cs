using System.Security.Cryptography;
using Cms.Data;
using Cms.Settings;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Modules.Email.Settings;

namespace Modules.Email.Services;

/// <summary>Reads and stores the SMTP settings, keeping the password protected by Data Protection.</summary>
public sealed class EmailSettingsService(
    ISiteService site,
    IConfiguration configuration,
    IDataProtectionProvider dataProtection,
    ShellSettingsStore shell)
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("Modules.Email.SmtpPassword");

    public string AppDataPath => shell.AppDataPath;

    public async Task<SmtpSettings> GetAsync() => (await site.GetAsync()).GetSection<SmtpSettings>(SmtpSettings.SectionName);

    /// <summary>Stores the settings; a null password keeps the stored one, an empty one removes it.</summary>
    public Task SaveAsync(SmtpSettings settings, string? password)
        => site.UpdateAsync(s =>
        {
            var stored = s.GetSection<SmtpSettings>(SmtpSettings.SectionName);
            settings.ProtectedPassword = password switch
            {
                null => stored.ProtectedPassword,
                "" => "",
                _ => _protector.Protect(password),
            };
            s.SetSection(SmtpSettings.SectionName, settings);
        });

    /// <summary>Keys of the "Email" configuration section that are set and so win over the stored values.</summary>
    public IReadOnlySet<string> ConfiguredKeys() => EmailDeliveryResolver.Configured(configuration);

    public async Task<EmailDeliveryResult> GetDeliveryAsync()
    {
        var stored = await GetAsync();
        try
        {
            return EmailDeliveryResolver.Resolve(stored, configuration, () => Unprotect(stored.ProtectedPassword), shell.AppDataPath);
        }
        catch (CryptographicException)
        {
            // The key ring that protected it is gone (a new machine without the keys, say).
            return new EmailDeliveryResult(null, "The stored SMTP password can no longer be read; enter it again on the e-mail settings page.");
        }
    }

    private string? Unprotect(string protectedPassword)
        => protectedPassword.Length == 0 ? null : _protector.Unprotect(protectedPassword);
}
