using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cms.Data.Transfer;

/// <summary>
/// Rows read from another site database of this build's model (or an older one: only the columns it
/// has). Reads run in the source's current transaction, so a caller that opened one reads one moment.
/// </summary>
public sealed class DatabaseRowSource(CmsDbContext source) : IRowSource
{
    public async Task<IReadOnlyList<IProperty>?> ColumnsAsync(SiteTable target, CancellationToken cancellationToken)
    {
        var table = SourceTable(target);
        if (table is null || !await DatabaseSchema.TableExistsAsync(source, table.Name))
        {
            return null;
        }

        var existing = await DatabaseSchema.ColumnsAsync(source, table.Name);
        return target.Columns.Where(p => table.Entity.FindProperty(p.Name) is { } s && existing.Contains(SiteTable.ColumnOf(s))).ToList();
    }

    public async IAsyncEnumerable<object?[]> RowsAsync(SiteTable target, IReadOnlyList<IProperty> columns, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = SourceTable(target) ?? throw new InvalidOperationException($"The source has no table for {target.Key}.");
        var properties = columns.Select(c => table.Entity.FindProperty(c.Name)!).ToList();
        var keys = table.Entity.FindPrimaryKey()!.Properties.Select(p => SiteTable.Quote(SiteTable.ColumnOf(p)));
        var connection = source.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await source.Database.OpenConnectionAsync(cancellationToken);
        }

        await using var command = connection.CreateCommand();
        command.Transaction = source.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"SELECT {string.Join(", ", properties.Select(p => SiteTable.Quote(SiteTable.ColumnOf(p))))} FROM {SiteTable.Quote(table.Name)} ORDER BY {string.Join(", ", keys)}";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new object?[properties.Count];
            for (var i = 0; i < properties.Count; i++)
            {
                row[i] = ColumnValues.Read(reader, i, properties[i]);
            }

            yield return row;
        }
    }

    private SiteTable? SourceTable(SiteTable target) => SiteTable.All(source).FirstOrDefault(t => t.Key == target.Key);
}
