using System.Globalization;

namespace Modules.PublishLater.Services;

/// <summary>Converts between UTC and the "yyyy-MM-ddTHH:mm" a datetime-local field holds, in the site's time zone.</summary>
public static class SiteTime
{
    public const string InputFormat = "yyyy-MM-dd'T'HH:mm";

    public static string ToInput(DateTime utc, TimeZoneInfo zone)
        => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString(InputFormat, CultureInfo.InvariantCulture);

    public static DateTime ToLocal(DateTime utc, TimeZoneInfo zone)
        => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    /// <summary>The UTC instant of a local time typed in the field; null with a reason when it is not one.</summary>
    public static (DateTime? Utc, string? Error) FromInput(string text, TimeZoneInfo zone)
    {
        if (!DateTime.TryParseExact(text.Trim(), [InputFormat, "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return (null, "Publish at must be a date and time, such as 2030-05-01T09:30.");
        }

        if (zone.IsInvalidTime(local))
        {
            return (null, $"{local:yyyy-MM-dd HH:mm} does not exist in {zone.Id}: the clocks skip it. Choose another time.");
        }

        return (TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone), null);
    }
}
