using Site.Tests.Infrastructure;

namespace Site.Tests.Backups;

/// <summary>
/// A site started on a data folder that a command filled (restore), or on a copy of another site's
/// site.json and key files (a site moved to another database). Databases the test made are dropped on dispose.
/// </summary>
public sealed class RestoredSite(string? copySiteFrom = null) : SiteFactory
{
    public List<string> Databases { get; } = [];

    protected override bool SetUp => false;

    protected override void PrepareAppData()
    {
        if (copySiteFrom is null)
        {
            return;
        }

        File.Copy(Path.Combine(copySiteFrom, "site.json"), Path.Combine(AppData, "site.json"), overwrite: true);
        var keys = Path.Combine(copySiteFrom, "DataProtection-Keys");
        if (Directory.Exists(keys))
        {
            Directory.CreateDirectory(Path.Combine(AppData, "DataProtection-Keys"));
            foreach (var key in Directory.GetFiles(keys))
            {
                File.Copy(key, Path.Combine(AppData, "DataProtection-Keys", Path.GetFileName(key)), overwrite: true);
            }
        }
    }

    /// <summary>A new empty PostgreSQL database of the test cluster, dropped with this site.</summary>
    public string NewPostgresDatabase()
    {
        var name = PostgresCluster.Instance.CreateDatabase();
        Databases.Add(name);
        return PostgresCluster.Instance.ConnectionString(name);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        foreach (var database in Databases)
        {
            PostgresCluster.Instance.DropDatabase(database);
        }
    }
}
