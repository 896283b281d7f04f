using System.Globalization;

namespace Modules.Comments.Services;

/// <summary>Comment times as Blogger shows them: "September 11, 2020 at 10:15 AM", in the site's time zone.</summary>
public static class CommentDates
{
    private static readonly CultureInfo s_english = CultureInfo.GetCultureInfo("en-US");

    public static string Long(DateTime local) => local.ToString("MMMM d, yyyy 'at' h:mm tt", s_english);
}
