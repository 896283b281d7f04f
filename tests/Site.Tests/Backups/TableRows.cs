using System.Data.Common;
using System.Globalization;
using Cms.Data;
using Cms.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Site.Tests.Infrastructure;

namespace Site.Tests.Backups;

/// <summary>
/// Every row of every table of the site's model, and of the search index's documents (without their
/// row numbers, which a rebuild renumbers), one line each, as the same text on SQLite and PostgreSQL:
/// times to the microsecond (PostgreSQL's precision), booleans and numbers invariant, enums by name.
/// </summary>
public static class TableRows
{
    public static Task<List<string>> TakeAsync(SiteFactory site) => site.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<CmsDbContext>();
        var lines = new List<string>();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null).OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var properties = entity.GetProperties().ToList();
            var columns = string.Join(", ", properties.Select(p => $"\"{p.GetColumnName()}\""));
            await ReadAsync(db, $"SELECT {columns} FROM \"{entity.GetTableName()}\"", reader =>
                lines.Add(entity.ClrType.Name + "|" + string.Join("|", properties.Select((p, i) => Text(reader, i, Nullable.GetUnderlyingType(p.GetRelationalTypeMapping().Converter?.ProviderClrType ?? p.ClrType) ?? p.GetRelationalTypeMapping().Converter?.ProviderClrType ?? p.ClrType)))));
        }

        await ReadAsync(db, "SELECT \"ContentItemId\", \"Url\", \"PublishedUnixSeconds\", \"Title\", \"Emphasis\", \"Body\" FROM \"SearchDocument\"", reader =>
            lines.Add("SearchDocument|" + string.Join("|", Enumerable.Range(0, 6).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)))));
        // The schema stamp says which build last checked this database (its provider included), so a database moved
        // to the other provider carries a stamp of its own: bookkeeping of the database, not the site's content.
        lines.RemoveAll(l => l.StartsWith($"DocumentRecord|{SchemaCheck.DocumentId}|", StringComparison.Ordinal));
        lines.Sort(StringComparer.Ordinal);
        return lines;
    });

    private static string Text(DbDataReader reader, int i, Type type)
    {
        if (reader.IsDBNull(i))
        {
            return "null";
        }

        if (type == typeof(DateTime))
        {
            var value = reader.GetDateTime(i);
            return new DateTime(value.Ticks - value.Ticks % 10, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture);
        }

        if (type == typeof(DateTimeOffset))
        {
            var value = reader.GetFieldValue<DateTimeOffset>(i).ToUniversalTime();
            return value.AddTicks(-(value.Ticks % 10)).ToString("O", CultureInfo.InvariantCulture);
        }

        if (type == typeof(bool))
        {
            return reader.GetBoolean(i).ToString();
        }

        return Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? "";
    }

    private static async Task ReadAsync(CmsDbContext db, string sql, Action<DbDataReader> row)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            row(reader);
        }
    }
}
