using System.Globalization;

namespace Modules.NewsCommentary.Services;

/// <summary>Dates as the seed page writes them: "Friday, September 11, 2020".</summary>
public static class PostDate
{
    private static readonly CultureInfo s_english = CultureInfo.GetCultureInfo("en-US");

    public static string Long(DateTime date) => date.ToString("dddd, MMMM d, yyyy", s_english);

    public static string Long(DateOnly date) => date.ToString("dddd, MMMM d, yyyy", s_english);

    public static string Short(DateTime date) => date.ToString("MMMM d, yyyy", s_english);

    /// <summary>A post's time in its byline: "September 11, 2020 at 2:05 PM".</summary>
    public static string DateAndTime(DateTime date) => date.ToString("MMMM d, yyyy 'at' h:mm tt", s_english);

    public static string Iso(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string MonthName(int year, int month) => new DateTime(year, month, 1).ToString("MMMM yyyy", s_english);
}
