using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cms.Data;

/// <summary>Asks the database itself about the site's tables (without a failing query).</summary>
public static class DatabaseSchema
{
    public static Task<bool> TableExistsAsync(CmsDbContext db, string tableName)
        => QueryAsync(db, tableName,
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @name",
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = @name",
            async command => Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0);

    /// <summary>The names of a table's columns, as the database has them.</summary>
    public static Task<HashSet<string>> ColumnsAsync(CmsDbContext db, string tableName)
        => QueryAsync(db, tableName,
            "SELECT name FROM pragma_table_info(@name)",
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @name",
            ReadNamesAsync);

    private static async Task<HashSet<string>> ReadNamesAsync(DbCommand command)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    /// <summary>The names of a table's indexes, as the database has them.</summary>
    public static Task<HashSet<string>> IndexesAsync(CmsDbContext db, string tableName)
        => QueryAsync(db, tableName,
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = @name",
            "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = @name",
            ReadNamesAsync);

    /// <summary>The table name the model gives an entity, prefix included.</summary>
    public static string TableOf<T>(CmsDbContext db)
        => db.Model.FindEntityType(typeof(T))?.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");

    /// <summary>Runs a catalog query about one table on the site's connection, opening it only if it was closed.</summary>
    private static async Task<T> QueryAsync<T>(CmsDbContext db, string tableName, string sqliteSql, string postgresSql, Func<DbCommand, Task<T>> read)
    {
        var connection = db.Database.GetDbConnection();
        var wasOpen = connection.State == System.Data.ConnectionState.Open;
        if (!wasOpen)
        {
            await connection.OpenAsync();
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = db.Database.IsSqlite() ? sqliteSql : postgresSql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@name";
            parameter.Value = tableName;
            command.Parameters.Add(parameter);
            return await read(command);
        }
        finally
        {
            if (!wasOpen)
            {
                await connection.CloseAsync();
            }
        }
    }
}
