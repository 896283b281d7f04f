using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Cms.Data.Transfer;

/// <summary>
/// A column's value as the model sees it (a DateTime in UTC, an enum, a bool), whatever the provider
/// stores: read from one database and written to another through each side's own type mapping,
/// or written to a dump as plain JSON and read back by the property's type.
/// </summary>
public static class ColumnValues
{
    /// <summary>The model value of a column of the current row.</summary>
    public static object? Read(DbDataReader reader, int ordinal, IProperty property)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        var mapping = property.GetRelationalTypeMapping();
        var providerType = Underlying(mapping.Converter?.ProviderClrType ?? mapping.ClrType);
        var raw = ReadAs(reader, ordinal, providerType);
        return mapping.Converter is { } converter ? converter.ConvertFromProvider(raw) : raw;
    }

    /// <summary>
    /// The model value to bind for the property in this database; the mapping's parameter applies the
    /// property's converter itself (enum to name, UTC marking).
    /// </summary>
    public static object? ForParameter(object? value, bool postgres)
        => postgres && value is DateTimeOffset offset ? offset.ToUniversalTime() : value;

    public static void WriteJson(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case string s: json.WriteStringValue(s); break;
            case bool b: json.WriteBooleanValue(b); break;
            case int i: json.WriteNumberValue(i); break;
            case long l: json.WriteNumberValue(l); break;
            case short sh: json.WriteNumberValue(sh); break;
            case byte by: json.WriteNumberValue(by); break;
            case double d: json.WriteStringValue(d.ToString("R", CultureInfo.InvariantCulture)); break;
            case float f: json.WriteStringValue(f.ToString("R", CultureInfo.InvariantCulture)); break;
            case decimal m: json.WriteStringValue(m.ToString(CultureInfo.InvariantCulture)); break;
            case DateTime dt: json.WriteStringValue(DateTime.SpecifyKind(dt, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture)); break;
            case DateTimeOffset dto: json.WriteStringValue(dto.ToString("O", CultureInfo.InvariantCulture)); break;
            case TimeSpan ts: json.WriteStringValue(ts.ToString("c", CultureInfo.InvariantCulture)); break;
            case Guid g: json.WriteStringValue(g.ToString("D")); break;
            case byte[] bytes: json.WriteBase64StringValue(bytes); break;
            case Enum e: json.WriteStringValue(e.ToString()); break;
            default: throw new NotSupportedException($"A value of type {value.GetType().Name} cannot be written to a site dump.");
        }
    }

    /// <summary>The model value of the property from its JSON in a dump.</summary>
    public static object? ReadJson(JsonElement json, IProperty property)
    {
        if (json.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var type = Underlying(property.ClrType);
        if (type.IsEnum)
        {
            return Enum.Parse(type, json.GetString()!);
        }

        return type switch
        {
            _ when type == typeof(string) => json.GetString(),
            _ when type == typeof(bool) => json.GetBoolean(),
            _ when type == typeof(int) => json.GetInt32(),
            _ when type == typeof(long) => json.GetInt64(),
            _ when type == typeof(short) => json.GetInt16(),
            _ when type == typeof(byte) => json.GetByte(),
            _ when type == typeof(double) => double.Parse(json.GetString()!, CultureInfo.InvariantCulture),
            _ when type == typeof(float) => float.Parse(json.GetString()!, CultureInfo.InvariantCulture),
            _ when type == typeof(decimal) => decimal.Parse(json.GetString()!, CultureInfo.InvariantCulture),
            _ when type == typeof(DateTime) => DateTime.Parse(json.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            _ when type == typeof(DateTimeOffset) => DateTimeOffset.Parse(json.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            _ when type == typeof(TimeSpan) => TimeSpan.ParseExact(json.GetString()!, "c", CultureInfo.InvariantCulture),
            _ when type == typeof(Guid) => Guid.Parse(json.GetString()!),
            _ when type == typeof(byte[]) => json.GetBytesFromBase64(),
            _ => throw new NotSupportedException($"A value of type {type.Name} cannot be read from a site dump."),
        };
    }

    private static object ReadAs(DbDataReader reader, int ordinal, Type type) => type switch
    {
        _ when type == typeof(string) => reader.GetString(ordinal),
        _ when type == typeof(bool) => reader.GetBoolean(ordinal),
        _ when type == typeof(int) => reader.GetInt32(ordinal),
        _ when type == typeof(long) => reader.GetInt64(ordinal),
        _ when type == typeof(short) => reader.GetInt16(ordinal),
        _ when type == typeof(byte) => reader.GetByte(ordinal),
        _ when type == typeof(double) => reader.GetDouble(ordinal),
        _ when type == typeof(float) => reader.GetFloat(ordinal),
        _ when type == typeof(decimal) => reader.GetDecimal(ordinal),
        _ when type == typeof(DateTime) => reader.GetDateTime(ordinal),
        _ when type == typeof(DateTimeOffset) => reader.GetFieldValue<DateTimeOffset>(ordinal),
        _ when type == typeof(TimeSpan) => reader.GetFieldValue<TimeSpan>(ordinal),
        _ when type == typeof(Guid) => reader.GetGuid(ordinal),
        _ when type == typeof(byte[]) => reader.GetFieldValue<byte[]>(ordinal),
        _ => reader.GetValue(ordinal),
    };

    private static Type Underlying(Type type) => Nullable.GetUnderlyingType(type) ?? type;
}
