using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Cms.Data;

/// <summary>
/// Makes check-then-write work (one comment per N seconds, an invitation used once) hold under
/// concurrency: inside a transaction, <see cref="SerializeAsync"/> waits until no other transaction holds
/// the same key, and keeps it until this one ends. PostgreSQL takes a transaction-scoped advisory lock;
/// SQLite needs nothing more, because every transaction the site begins is BEGIN IMMEDIATE and so already
/// holds the database's single write lock.
/// </summary>
public static class SerializedWrites
{
    public static async Task SerializeAsync(this CmsDbContext db, string key, CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("SerializeAsync needs a transaction: its lock lasts until the transaction ends.");
        }

        if (db.Database.IsNpgsql())
        {
            // Two tables prefixes may share one database: the prefix is part of the key.
            var lockId = BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes($"{db.TablePrefix}|{key}")), 0);
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [lockId], cancellationToken);
        }
    }
}
