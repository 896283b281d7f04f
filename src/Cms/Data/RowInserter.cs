using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Cms.Data;

/// <summary>
/// Saves an import batch's changes with its new rows written in sets (issue 12: 10,000 posts at 1,000 a
/// second). EF Core sends one INSERT per added row (SQLite prepares each one anew); here the rows of each
/// plain table go, with each value converted by EF's own type mapping (so values are stored exactly as EF
/// stores them) and in the current transaction: on PostgreSQL in one binary COPY, on SQLite through one
/// prepared INSERT run again for each row. Updates and deletes are saved by EF first, so a row replaced (an
/// index entry removed and written again) is gone before its successor arrives.
/// </summary>
internal sealed class RowInserter(CmsDbContext db)
{
    /// <summary>
    /// Saves the tracker's changes and the rows handed over untracked (<see cref="CmsDbContext.AddRows"/>); the added rows
    /// of plain tables stop being tracked once written.
    /// </summary>
    public async Task SaveAsync()
    {
        var handed = new List<(IEntityType Type, object Row)>();
        foreach (var row in db.TakeHandedRows())
        {
            var type = TypeOf(row);
            if (Columns(type) is not null && (StoreNumberedKey(type) is not { } key || IsUnset(key, row)))
            {
                handed.Add((type, row));
            }
            else
            {
                // Not a plain table, or a key the caller chose: EF writes it, as it would have.
                db.Add(row);
            }
        }

        db.ChangeTracker.DetectChanges();
        var added = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added && Writable(e)).ToList();
        var tables = added.Select(e => (Type: e.Metadata, Row: e.Entity)).Concat(handed)
            .GroupBy(r => r.Type).Select(g => (Type: g.Key, Rows: g.Select(r => r.Row).ToList())).ToList();
        foreach (var entry in added)
        {
            entry.State = EntityState.Detached;
        }

        await db.SaveChangesAsync();
        foreach (var (type, rows) in tables)
        {
            await InsertAsync(type, Columns(type)!, rows);
        }
    }

    private readonly Dictionary<Type, IEntityType> _types = [];

    private IEntityType TypeOf(object row)
    {
        if (!_types.TryGetValue(row.GetType(), out var type))
        {
            type = db.Model.FindEntityType(row.GetType())
                ?? throw new InvalidOperationException($"{row.GetType().Name} rows were handed to the importer, but it is not a table of the site's model.");
            _types[row.GetType()] = type;
        }

        return type;
    }

    /// <summary>A database-numbered key the row leaves at its default (0): the database gives it one.</summary>
    private static bool IsUnset(IProperty key, object row)
        => key.GetGetter().GetClrValueUsingContainingEntity(row) is 0 or 0L;

    private readonly Dictionary<IEntityType, List<IProperty>?> _columns = [];

    /// <summary>A row of a plain table whose key, if the database numbers it, has not been given one by the caller.</summary>
    private bool Writable(EntityEntry entry)
        => Columns(entry.Metadata) is not null && (StoreNumberedKey(entry.Metadata) is not { } key || entry.Property(key).IsTemporary);

    private List<IProperty>? Columns(IEntityType type)
    {
        if (!_columns.TryGetValue(type, out var columns))
        {
            columns = PlainColumns(type);
            _columns[type] = columns;
        }

        return columns;
    }

    /// <summary>A single integer key that the database assigns (an identity or autoincrement column).</summary>
    private static IProperty? StoreNumberedKey(IEntityType type)
        => type.FindPrimaryKey()?.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } key] && (key.ClrType == typeof(int) || key.ClrType == typeof(long)) ? key : null;

    private async Task InsertAsync(IEntityType type, List<IProperty> columns, List<object> rows)
    {
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        // Only names are written into the text; every value is a parameter (SQLite) or streamed (COPY).
        var target = sql.DelimitIdentifier(table.Name, table.Schema)
            + " (" + string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!))) + ")";
        switch (db.Database.GetDbConnection())
        {
            case NpgsqlConnection npgsql:
                await CopyAsync(npgsql, target, columns, rows);
                break;
            case var _ when db.Database.IsSqlite():
                await InsertOneByOneAsync("INSERT INTO " + target + " VALUES ", sql, columns, rows);
                break;
            default:
                throw new NotSupportedException($"Rows cannot be written in sets on {db.Database.ProviderName}: the site runs on SQLite or PostgreSQL.");
        }
    }

    /// <summary>
    /// SQLite runs in the process, so a statement costs no round trip, but it binds each parameter by a search of
    /// the command's parameters: a multi-row INSERT's binding grows with the square of its values. One prepared
    /// single-row INSERT, executed again for each row in the transaction, is the fast way.
    /// </summary>
    private async Task InsertOneByOneAsync(string head, ISqlGenerationHelper sql, List<IProperty> columns, List<object> rows)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = head + Placeholders(sql, 0, columns.Count);
        await command.PrepareAsync();

        // Named as they are written in the statement ("@p0"): SQLite finds such a name in one search, while a bare
        // "p0" is searched for as it is and then under each prefix (":", "@", "$"), a native call each time.
        var names = Enumerable.Range(0, columns.Count).Select(c => sql.GenerateParameterName("p" + c)).ToArray();
        foreach (var row in rows)
        {
            command.Parameters.Clear();
            for (var c = 0; c < columns.Count; c++)
            {
                command.Parameters.Add(Parameter(command, names[c], columns[c], row));
            }

            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>
    /// PostgreSQL: the rows go in one binary COPY, in the transaction the connection holds. Multi-row INSERTs (before) made
    /// a parameter object for every value and had the server parse statements of 2,000 of them; COPY streams the values,
    /// each converted by the column's type mapping as EF would (enums, ...). bench/import.sh, side by side: 0.74 of
    /// the time for 10,000 posts, 0.80 of the command line's CPU.
    /// </summary>
    private static async Task CopyAsync(NpgsqlConnection connection, string target, List<IProperty> columns, List<object> rows)
    {
        var copy = "COPY " + target + " FROM STDIN (FORMAT BINARY)";
        var mappings = columns.Select(c => c.GetRelationalTypeMapping()).ToArray();
        var getters = columns.Select(c => c.GetGetter()).ToArray();
        var types = mappings.Select(m => m.StoreTypeNameBase).ToArray();
        await using var importer = await connection.BeginBinaryImportAsync(copy);
        foreach (var row in rows)
        {
            await importer.StartRowAsync();
            for (var c = 0; c < columns.Count; c++)
            {
                var value = getters[c].GetClrValueUsingContainingEntity(row);
                if (value is not null && mappings[c].Converter is { } converter)
                {
                    value = converter.ConvertToProvider(value);
                }

                if (value is null)
                {
                    await importer.WriteNullAsync();
                }
                else
                {
                    await importer.WriteAsync(value, types[c]);
                }
            }
        }

        await importer.CompleteAsync();
    }

    private static string Placeholders(ISqlGenerationHelper sql, int first, int count)
        => "(" + string.Join(", ", Enumerable.Range(first, count).Select(p => sql.GenerateParameterNamePlaceholder("p" + p))) + ")";

    /// <summary>
    /// The column's value as EF would send it: its type mapping converts it (UTC times, enums, ...). The value is read
    /// through EF's compiled getter, not reflection (PropertyInfo.GetValue was 5 % of an import's CPU).
    /// </summary>
    private static DbParameter Parameter(DbCommand command, string name, IProperty column, object row)
        => column.GetRelationalTypeMapping().CreateParameter(command, name, column.GetGetter().GetClrValueUsingContainingEntity(row), column.IsNullable);

    /// <summary>
    /// The columns written for a type, or null when its rows are left to EF: anything but a plain table of
    /// properties (navigations, owned or complex parts, shadow or store-computed values, inheritance).
    /// A store-generated key (an identity column) is left out: the database numbers the rows.
    /// </summary>
    private static List<IProperty>? PlainColumns(IEntityType type)
    {
        if (type.GetTableName() is null || type.BaseType is not null || type.GetDirectlyDerivedTypes().Any() || type.IsOwned()
            || type.GetNavigations().Any() || type.GetSkipNavigations().Any() || type.GetComplexProperties().Any())
        {
            return null;
        }

        var columns = new List<IProperty>();
        foreach (var property in type.GetProperties())
        {
            if (property == StoreNumberedKey(type))
            {
                continue;
            }

            if (property.IsShadowProperty() || property.PropertyInfo is null || property.ValueGenerated != ValueGenerated.Never || property.IsConcurrencyToken)
            {
                return null;
            }

            columns.Add(property);
        }

        return columns;
    }
}
