using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cms.Data;

/// <summary>
/// Brings a database made by an older build up to this build's model, in place and additively:
/// tables that are missing (a module added one) are created with their indexes, columns that
/// are missing (a module added a property) are added, and indexes that are missing (a build added
/// one so a query reads fewer rows) are created. Nothing is dropped or rewritten, so a site
/// keeps every post, user and setting. Runs at start-up before the features' data migrations.
/// </summary>
public sealed class SchemaUpgrader(CmsDbContext db)
{
    public async Task<IReadOnlyList<string>> UpgradeAsync()
    {
        var model = db.GetService<IDesignTimeModel>().Model.GetRelationalModel();
        var differ = db.GetService<IMigrationsModelDiffer>();
        var operations = new List<MigrationOperation>();
        var changes = new List<string>();
        var missing = new HashSet<string>(StringComparer.Ordinal);
        var indexes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in model.Tables)
        {
            if (!await DatabaseSchema.TableExistsAsync(db, table.Name))
            {
                missing.Add(table.Name);
                changes.Add($"table {table.Name} created");
                continue;
            }

            var existing = await DatabaseSchema.ColumnsAsync(db, table.Name);
            foreach (var column in table.Columns.Where(c => !existing.Contains(c.Name)))
            {
                operations.Add(AddColumn(table, column));
                changes.Add($"column {table.Name}.{column.Name} added");
            }

            indexes.UnionWith(await DatabaseSchema.IndexesAsync(db, table.Name));
        }

        // The differ orders a full create so that referenced tables come first; keep its order.
        operations.InsertRange(0, differ.GetDifferences(null, model).Where(o =>
            o is CreateTableOperation c && missing.Contains(c.Name) || o is CreateIndexOperation i && missing.Contains(i.Table)));
        foreach (var index in differ.GetDifferences(null, model).OfType<CreateIndexOperation>()
            .Where(i => !missing.Contains(i.Table) && !indexes.Contains(i.Name)))
        {
            operations.Add(index);
            changes.Add($"index {index.Name} created");
        }

        if (operations.Count > 0)
        {
            var commands = db.GetService<IMigrationsSqlGenerator>().Generate(operations, db.GetService<IDesignTimeModel>().Model);
            var connection = db.GetService<IRelationalConnection>();
            if (db.Database.CurrentTransaction is null)
            {
                await db.GetService<IMigrationCommandExecutor>().ExecuteNonQueryAsync(commands, connection);
            }
            else
            {
                // Inside the caller's transaction (a move, a restore) the commands join it, all or nothing. The
                // executor would refuse: PostgreSQL's context has a retrying execution strategy, and a retry
                // in the middle of someone's transaction could not be whole.
                foreach (var command in commands)
                {
                    await command.ExecuteNonQueryAsync(connection);
                }
            }
        }

        return changes;
    }

    /// <summary>A new column on a table that has rows must be nullable or have a default.</summary>
    private static AddColumnOperation AddColumn(ITable table, IColumn column)
    {
        var operation = new AddColumnOperation
        {
            Table = table.Name,
            Schema = table.Schema,
            Name = column.Name,
            ClrType = column.ProviderClrType,
            ColumnType = column.StoreType,
            IsNullable = column.IsNullable,
            MaxLength = column.MaxLength,
        };
        if (!column.IsNullable)
        {
            operation.DefaultValue = column.ProviderClrType == typeof(string) ? "" : Activator.CreateInstance(column.ProviderClrType);
        }

        return operation;
    }
}
