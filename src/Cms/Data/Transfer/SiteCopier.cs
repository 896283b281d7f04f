using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cms.Data.Transfer;

/// <summary>
/// Copies every table of the site's model from a row source into a target database whose tables
/// exist and are empty, keeping every key (so comments keep their threads and users their roles),
/// then sets the target's key counters past the copied keys. Runs in the target's current
/// transaction; the caller commits or rolls back the whole.
/// </summary>
public static class SiteCopier
{
    /// <summary>Parameters per INSERT stay well under SQLite's and PostgreSQL's limits.</summary>
    private const int ParametersPerInsert = 900;

    /// <summary>Rows copied per table (by entity name), and the tables the source did not have.</summary>
    public static async Task<CopyResult> CopyAsync(IRowSource source, CmsDbContext target, CancellationToken cancellationToken = default)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var missing = new List<string>();
        var postgres = target.Database.IsNpgsql();
        foreach (var table in SiteTable.All(target))
        {
            var columns = await source.ColumnsAsync(table, cancellationToken);
            if (columns is null)
            {
                missing.Add(table.Name);
                counts[table.Key] = 0;
                continue;
            }

            var rowsPerInsert = Math.Max(1, ParametersPerInsert / Math.Max(1, columns.Count));
            var batch = new List<object?[]>(rowsPerInsert);
            long count = 0;
            await foreach (var row in source.RowsAsync(table, columns, cancellationToken))
            {
                batch.Add(row);
                if (batch.Count == rowsPerInsert)
                {
                    await InsertAsync(target, table, columns, batch, postgres, cancellationToken);
                    count += batch.Count;
                    batch.Clear();
                }
            }

            if (batch.Count > 0)
            {
                await InsertAsync(target, table, columns, batch, postgres, cancellationToken);
                count += batch.Count;
            }

            counts[table.Key] = count;
            if (postgres && table.GeneratedKey is { } key)
            {
                await ResetIdentityAsync(target, table.Name, SiteTable.ColumnOf(key), cancellationToken);
            }
        }

        return new CopyResult(counts, missing);
    }

    private static async Task InsertAsync(CmsDbContext target, SiteTable table, IReadOnlyList<IProperty> columns, List<object?[]> rows, bool postgres, CancellationToken cancellationToken)
    {
        await using var command = await CommandAsync(target, cancellationToken);
        var values = new List<string>(rows.Count);
        var n = 0;
        foreach (var row in rows)
        {
            var names = new string[columns.Count];
            for (var i = 0; i < columns.Count; i++)
            {
                var name = "@p" + n++;
                names[i] = name;
                var mapping = columns[i].GetRelationalTypeMapping();
                command.Parameters.Add(mapping.CreateParameter(command, name, ColumnValues.ForParameter(row[i], postgres), nullable: true));
            }

            values.Add("(" + string.Join(", ", names) + ")");
        }

        command.CommandText = $"INSERT INTO {SiteTable.Quote(table.Name)} ({string.Join(", ", columns.Select(c => SiteTable.Quote(SiteTable.ColumnOf(c))))}) VALUES {string.Join(", ", values)}";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>PostgreSQL's identity counter does not move when keys are given: start it after the largest.</summary>
    private static async Task ResetIdentityAsync(CmsDbContext target, string table, string column, CancellationToken cancellationToken)
    {
        await using var command = await CommandAsync(target, cancellationToken);
        var quotedTable = SiteTable.Quote(table);
        command.CommandText = $"SELECT setval(pg_get_serial_sequence('{quotedTable.Replace("'", "''", StringComparison.Ordinal)}', '{column.Replace("'", "''", StringComparison.Ordinal)}'), " +
            $"COALESCE(MAX({SiteTable.Quote(column)}), 0) + 1, false) FROM {quotedTable}";
        await command.ExecuteScalarAsync(cancellationToken);
    }

    /// <summary>Rows per table, by entity name, as the database has them now.</summary>
    public static async Task<Dictionary<string, long>> CountAsync(CmsDbContext db, CancellationToken cancellationToken = default)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in SiteTable.All(db))
        {
            if (!await DatabaseSchema.TableExistsAsync(db, table.Name))
            {
                counts[table.Key] = 0;
                continue;
            }

            await using var command = await CommandAsync(db, cancellationToken);
            command.CommandText = $"SELECT COUNT(*) FROM {SiteTable.Quote(table.Name)}";
            counts[table.Key] = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        return counts;
    }

    private static async Task<DbCommand> CommandAsync(CmsDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }
}

/// <summary>What a copy did: rows per table (by entity name), and the tables its source lacked.</summary>
public sealed record CopyResult(IReadOnlyDictionary<string, long> Rows, IReadOnlyList<string> MissingTables);
