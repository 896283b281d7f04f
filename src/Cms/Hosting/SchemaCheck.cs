using System.Data.Common;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Cms.Data;
using Cms.Modules;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cms.Hosting;

/// <summary>
/// Brings the database up to this build (<see cref="SchemaUpgrader"/>, then the enabled features' data migrations)
/// only when something can have changed since it was last done. The work is done, then a stamp is written beside
/// the site's documents: the identity of the build that did it (its assemblies' MVIDs, which a deterministic build
/// changes exactly when the code does) and the feature state's row version (which moves whenever a feature is enabled,
/// disabled or migrated, on any node). A start reads the stamp and its one row (one query) and skips the work when both
/// match: the work was 40–55 % of a start (bench/README.md, "Start-up"). A database an older build last touched, one
/// restored from elsewhere, or one whose features changed since, has another stamp or none, and is checked in full.
/// </summary>
public sealed class SchemaCheck(CmsDbContext db, IFeatureManager features, ModuleCatalog catalog)
{
    public const string DocumentId = "SchemaStamp";

    // Per provider: one process may open a SQLite site and then a PostgreSQL one (a move).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> s_builds = new(StringComparer.Ordinal);

    /// <summary>Checks and upgrades unless the stamp says this build already did with the features as they are; returns the changes made (null: skipped).</summary>
    public async Task<IReadOnlyList<string>?> EnsureUpToDateAsync()
    {
        var build = Build(catalog, db);
        var (stamp, featureVersion) = await ReadAsync();
        if (stamp is not null && stamp == Stamp(build, featureVersion))
        {
            return null;
        }

        var changes = await new SchemaUpgrader(db).UpgradeAsync();
        await features.MigrateAsync();
        await WriteAsync(Stamp(build, (await ReadAsync()).FeatureVersion));
        return changes;
    }

    /// <summary>Stamps a database this build has just made in full (setup), so its first start skips the check.</summary>
    public async Task MarkUpToDateAsync() => await WriteAsync(Stamp(Build(catalog, db), (await ReadAsync()).FeatureVersion));

    /// <summary>Forgets the stamp, so the next start checks in full (what an older build's database looks like).</summary>
    public static async Task ForgetAsync(CmsDbContext db)
    {
        // The table name is the model's (prefix included); the id is a parameter.
        var delete = $"DELETE FROM \"{DatabaseSchema.TableOf<DocumentRecord>(db)}\" WHERE \"Id\" = {{0}}";
        await db.Database.ExecuteSqlRawAsync(delete, DocumentId);
    }

    /// <summary>The build's identity as far as the schema goes: the framework, every module, EF Core and its provider.</summary>
    public static string Build(ModuleCatalog catalog, CmsDbContext db)
    {
        var provider = db.Database.ProviderName ?? "";
        if (s_builds.TryGetValue(provider, out var known))
        {
            return known;
        }

        var assemblies = new HashSet<Assembly>(catalog.Modules.Select(m => m.Assembly))
        {
            typeof(CmsDbContext).Assembly,
            typeof(DbContext).Assembly,
            typeof(RelationalDatabaseCreator).Assembly,
            typeof(IdentityDbContext).Assembly,
            db.GetService<IRelationalDatabaseCreator>().GetType().Assembly,
            db.GetService<IMigrationsSqlGenerator>().GetType().Assembly,
        };
        var ids = string.Join("\n", assemblies.Select(a => $"{a.GetName().Name} {a.ManifestModule.ModuleVersionId:N}").Order(StringComparer.Ordinal));
        return s_builds[provider] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{provider}\n{ids}")));
    }

    private static string Stamp(string build, int? featureVersion) => $$"""{"build":"{{build}}","featureState":{{featureVersion ?? -1}}}""";

    /// <summary>The stamp and the feature state's row version, in one query on the site's connection; nothing when the table is not there yet.</summary>
    private async Task<(string? Stamp, int? FeatureVersion)> ReadAsync()
    {
        var connection = db.Database.GetDbConnection();
        var wasOpen = connection.State == System.Data.ConnectionState.Open;
        try
        {
            if (!wasOpen)
            {
                await connection.OpenAsync();
            }

            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT \"Id\", \"Content\", \"Version\" FROM \"{DatabaseSchema.TableOf<DocumentRecord>(db)}\" WHERE \"Id\" IN ('{DocumentId}', '{FeatureStateDocument.DocumentId}')";
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            string? stamp = null;
            int? featureVersion = null;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                if (reader.GetString(0) == DocumentId)
                {
                    stamp = reader.GetString(1);
                }
                else
                {
                    featureVersion = reader.GetInt32(2);
                }
            }

            return (stamp, featureVersion);
        }
        catch (DbException)
        {
            // No document table yet (a database older than it, or an empty one): the full check makes it.
            return (null, null);
        }
        finally
        {
            if (!wasOpen)
            {
                await connection.CloseAsync();
            }
        }
    }

    /// <summary>Writes the stamp, whichever node gets there first (two nodes of one build write the same).</summary>
    private async Task WriteAsync(string stamp)
    {
        var table = DatabaseSchema.TableOf<DocumentRecord>(db);
        var upsert = $"INSERT INTO \"{table}\" (\"Id\", \"Content\", \"Version\") VALUES ({{0}}, {{1}}, 1) "
            + $"ON CONFLICT (\"Id\") DO UPDATE SET \"Content\" = excluded.\"Content\", \"Version\" = \"{table}\".\"Version\" + 1";
        await db.Database.ExecuteSqlRawAsync(upsert, DocumentId, stamp);
    }
}
