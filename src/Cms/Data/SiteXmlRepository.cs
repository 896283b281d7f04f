using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cms.Data;

/// <summary>
/// The Data Protection key ring: in the site's database once the site is set up, so a cookie made by
/// one node is read by another; in App_Data before setup, when there is no database yet. Keys made
/// before setup are copied into the database when setup completes.
/// </summary>
public sealed class SiteXmlRepository : IXmlRepository
{
    private readonly ShellSettingsStore _shell;
    private readonly IServiceScopeFactory _scopes;
    private readonly FileSystemXmlRepository _files;

    public SiteXmlRepository(ShellSettingsStore shell, IServiceScopeFactory scopes, ILoggerFactory loggers)
    {
        _shell = shell;
        _scopes = scopes;
        _files = new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(shell.AppDataPath, "DataProtection-Keys")), loggers);
        shell.SetUpCompleted += CopyFileKeysToDatabase;
    }

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        if (!_shell.IsSetUp)
        {
            return _files.GetAllElements();
        }

        using var scope = _scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var stored = db.Set<DataProtectionKeyRecord>().AsNoTracking().Select(k => k.Xml).ToList().Select(XElement.Parse).ToList();
        var ids = stored.Select(KeyIdOf).ToHashSet(StringComparer.Ordinal);
        return stored.Concat(_files.GetAllElements().Where(e => !ids.Contains(KeyIdOf(e)))).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        if (!_shell.IsSetUp)
        {
            _files.StoreElement(element, friendlyName);
            return;
        }

        Store([element]);
    }

    private void CopyFileKeysToDatabase() => Store(_files.GetAllElements());

    private void Store(IEnumerable<XElement> elements)
    {
        using var scope = _scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CmsDbContext>();
        var known = db.Set<DataProtectionKeyRecord>().Select(k => k.KeyId).ToHashSet(StringComparer.Ordinal);
        foreach (var element in elements.Where(e => !known.Contains(KeyIdOf(e))))
        {
            db.Set<DataProtectionKeyRecord>().Add(new DataProtectionKeyRecord { KeyId = KeyIdOf(element), Xml = element.ToString(SaveOptions.DisableFormatting) });
        }

        db.SaveChanges();
    }

    private static string KeyIdOf(XElement element) => (string?)element.Attribute("id") ?? element.ToString(SaveOptions.DisableFormatting).GetHashCode(StringComparison.Ordinal).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
