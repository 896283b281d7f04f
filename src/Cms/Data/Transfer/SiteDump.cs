using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Cms.Data.Transfer;

/// <summary>
/// The site's own full dump, for a PostgreSQL site without pg_dump: one JSON Lines entry per table
/// (<c>database/dump/{entity}.jsonl</c>: a header naming the columns, then one array of values per
/// row), provider-neutral, so it restores into SQLite or PostgreSQL alike.
/// </summary>
public static class SiteDump
{
    public const string Folder = "database/dump/";

    /// <summary>Writes every table of <paramref name="source"/> (read in its current transaction); returns rows per table.</summary>
    public static async Task<Dictionary<string, long>> WriteAsync(CmsDbContext source, ZipArchive zip, CancellationToken cancellationToken = default)
    {
        var rows = new DatabaseRowSource(source);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in SiteTable.All(source))
        {
            var columns = await rows.ColumnsAsync(table, cancellationToken) ?? [];
            var entry = zip.CreateEntry(Folder + table.Key + ".jsonl", CompressionLevel.Optimal);
            await using var stream = await entry.OpenAsync(cancellationToken);
            await using (var header = new Utf8JsonWriter(stream))
            {
                header.WriteStartObject();
                header.WriteString("entity", table.Key);
                header.WriteString("table", table.Name);
                header.WriteStartArray("columns");
                columns.ToList().ForEach(c => header.WriteStringValue(c.Name));
                header.WriteEndArray();
                header.WriteEndObject();
            }

            stream.WriteByte((byte)'\n');
            long count = 0;
            await foreach (var row in rows.RowsAsync(table, columns, cancellationToken))
            {
                await using (var json = new Utf8JsonWriter(stream))
                {
                    json.WriteStartArray();
                    foreach (var value in row)
                    {
                        ColumnValues.WriteJson(json, value);
                    }

                    json.WriteEndArray();
                }

                stream.WriteByte((byte)'\n');
                count++;
            }

            counts[table.Key] = count;
        }

        return counts;
    }

    public static bool IsIn(ZipArchive zip) => zip.Entries.Any(e => e.FullName.StartsWith(Folder, StringComparison.Ordinal));
}

/// <summary>Rows read back from a <see cref="SiteDump"/>, by the target's property types.</summary>
public sealed class DumpRowSource(ZipArchive zip) : IRowSource
{
    public async Task<IReadOnlyList<IProperty>?> ColumnsAsync(SiteTable target, CancellationToken cancellationToken)
    {
        if (zip.GetEntry(SiteDump.Folder + target.Key + ".jsonl") is not { } entry)
        {
            return null;
        }

        await using var stream = await entry.OpenAsync(cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var names = ReadHeader(await reader.ReadLineAsync(cancellationToken), entry.FullName);
        return target.Columns.Where(c => names.Contains(c.Name)).ToList();
    }

    public async IAsyncEnumerable<object?[]> RowsAsync(SiteTable target, IReadOnlyList<IProperty> columns, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var entry = zip.GetEntry(SiteDump.Folder + target.Key + ".jsonl")!;
        await using var stream = await entry.OpenAsync(cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var names = ReadHeader(await reader.ReadLineAsync(cancellationToken), entry.FullName);
        var positions = columns.Select(c => names.IndexOf(c.Name)).ToArray();
        var line = 1;
        while (await reader.ReadLineAsync(cancellationToken) is { } text)
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }

            using var document = JsonDocument.Parse(text);
            var values = document.RootElement;
            if (values.ValueKind != JsonValueKind.Array || values.GetArrayLength() != names.Count)
            {
                throw new InvalidDataException($"{entry.FullName}, line {line}: a row must be an array of {names.Count} values.");
            }

            var row = new object?[columns.Count];
            for (var i = 0; i < columns.Count; i++)
            {
                row[i] = ColumnValues.ReadJson(values[positions[i]], columns[i]);
            }

            yield return row;
        }
    }

    private static List<string> ReadHeader(string? line, string entry)
    {
        try
        {
            using var header = JsonDocument.Parse(line ?? "");
            return header.RootElement.GetProperty("columns").EnumerateArray().Select(c => c.GetString() ?? "").ToList();
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"{entry}: the first line must name the table's columns.", ex);
        }
    }
}
