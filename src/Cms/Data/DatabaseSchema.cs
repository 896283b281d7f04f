using Microsoft.EntityFrameworkCore;

namespace Cms.Data;

/// <summary>Asks the database itself whether the site's tables are there (without a failing query).</summary>
public static class DatabaseSchema
{
    public static async Task<bool> TableExistsAsync(CmsDbContext db, string tableName)
    {
        var sql = db.Database.IsSqlite()
            ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @name"
            : "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = @name";
        var connection = db.Database.GetDbConnection();
        var wasOpen = connection.State == System.Data.ConnectionState.Open;
        if (!wasOpen)
        {
            await connection.OpenAsync();
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@name";
            parameter.Value = tableName;
            command.Parameters.Add(parameter);
            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0;
        }
        finally
        {
            if (!wasOpen)
            {
                await connection.CloseAsync();
            }
        }
    }

    /// <summary>The names of a table's columns, as the database has them.</summary>
    public static async Task<HashSet<string>> ColumnsAsync(CmsDbContext db, string tableName)
    {
        var sql = db.Database.IsSqlite()
            ? "SELECT name FROM pragma_table_info(@name)"
            : "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @name";
        var connection = db.Database.GetDbConnection();
        var wasOpen = connection.State == System.Data.ConnectionState.Open;
        if (!wasOpen)
        {
            await connection.OpenAsync();
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@name";
            parameter.Value = tableName;
            command.Parameters.Add(parameter);
            var names = new HashSet<string>(StringComparer.Ordinal);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }

            return names;
        }
        finally
        {
            if (!wasOpen)
            {
                await connection.CloseAsync();
            }
        }
    }

    /// <summary>The table name the model gives an entity, prefix included.</summary>
    public static string TableOf<T>(CmsDbContext db)
        => db.Model.FindEntityType(typeof(T))?.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
}
