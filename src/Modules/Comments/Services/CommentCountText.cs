using System.Globalization;

namespace Modules.Comments.Services;

/// <summary>"No comments", "1 comment", "12 comments": as Blogger writes them under a post.</summary>
public static class CommentCountText
{
    public static string Of(int count) => count switch
    {
        0 => "No comments",
        1 => "1 comment",
        _ => count.ToString("N0", CultureInfo.InvariantCulture) + " comments",
    };
}
