using System.Globalization;

namespace Cms.Hosting;

/// <summary>Rate-limit durations as a reader reads them ("5 minutes", "1 hour", "30 seconds").</summary>
public static class RateLimitText
{
    public static string Duration(TimeSpan span)
    {
        if (span.TotalHours >= 1 && span.TotalHours == Math.Floor(span.TotalHours))
        {
            return Count((int)span.TotalHours, "hour");
        }

        if (span.TotalMinutes >= 1)
        {
            return Count((int)Math.Ceiling(span.TotalMinutes), "minute");
        }

        return Count(Math.Max(1, (int)Math.Ceiling(span.TotalSeconds)), "second");
    }

    private static string Count(int n, string unit) => string.Create(CultureInfo.InvariantCulture, $"{n} {unit}{(n == 1 ? "" : "s")}");
}
