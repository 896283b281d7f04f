using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Cms.Data;

/// <summary>Every stored time is UTC; this marks it so when read back (SQLite keeps no kind).</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
