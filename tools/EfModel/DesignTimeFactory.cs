using Cms.Data;
using Cms.Data.Transfer;
using Microsoft.EntityFrameworkCore.Design;

namespace EfModel;

/// <summary>
/// The context `dotnet ef dbcontext optimize` compiles, made as the site makes its own: the host's services (every
/// module's model contributors, Identity's options), a site on the provider named by the first argument ("Sqlite"
/// or "Postgres") without a table prefix. Nothing is connected to: building the model needs only the provider.
/// </summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CmsDbContext>
{
    public CmsDbContext CreateDbContext(string[] args)
    {
        var provider = args.Length > 0 ? args[0] : SiteShellSettings.Sqlite;
        var settings = provider switch
        {
            SiteShellSettings.Sqlite => SiteDatabase.SqliteFile("design-time.db", tablePrefix: ""),
            SiteShellSettings.Postgres => new SiteShellSettings { DatabaseProvider = SiteShellSettings.Postgres, ConnectionString = "Host=localhost;Database=design-time" },
            _ => throw new ArgumentException($"Unknown provider '{provider}': Sqlite or Postgres.", nameof(args)),
        };
        return CompiledSiteModels.CreateRuntimeModelContext(settings);
    }
}
