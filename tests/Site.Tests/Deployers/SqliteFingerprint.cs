using System.Text;
using Microsoft.Data.Sqlite;

namespace Site.Tests.Deployers;

/// <summary>Every row of every table of a SQLite file, as one string: equal strings mean nothing was written.</summary>
public static class SqliteFingerprint
{
    public static string Take(string databaseFile)
    {
        using var connection = new SqliteConnection($"Data Source={databaseFile};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var text = new StringBuilder();
        foreach (var table in tables)
        {
            using var select = connection.CreateCommand();
            // Rows are sorted here, not by rowid: full-text search's own tables have none (WITHOUT ROWID).
            select.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = select.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
            {
                var row = new StringBuilder(table);
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    row.Append('|').Append(reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture));
                }

                rows.Add(row.ToString());
            }

            foreach (var row in rows.Order(StringComparer.Ordinal))
            {
                text.AppendLine(row);
            }
        }

        return text.ToString();
    }
}
