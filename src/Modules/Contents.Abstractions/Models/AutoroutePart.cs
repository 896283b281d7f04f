using System.Text.RegularExpressions;
using Cms.Content;

namespace Modules.Contents.Models;

/// <summary>The item's public address, without the leading slash (e.g. "2020/09/11/sochi-meeting").</summary>
public sealed partial class AutoroutePart : ContentPart, IValidatablePart
{
    public const int MaxLength = 1024;

    /// <summary>First path segments the site itself answers; an item may not take them.</summary>
    public static readonly IReadOnlySet<string> ReservedSegments = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "admin", "setup", "login", "logout", "register", "error", "forbidden", "archive", "rss.xml", "atom.xml", "feed", "_content",
        "api", "account", "preview", "comments", "search", "tags", "sitemap.xml", "robots.txt", "favicon.ico",
    };

    public string Path { get; set; } = "";

    public bool SetHomepage { get; set; }

    public IEnumerable<PartError> Validate()
    {
        if (string.IsNullOrEmpty(Path))
        {
            yield break;
        }

        if (Path.Length > MaxLength)
        {
            yield return new PartError(nameof(Path), $"The path has at most {MaxLength} characters.");
        }
        else if (!PathPattern().IsMatch(Path))
        {
            yield return new PartError(nameof(Path), "The path may use letters, digits, '-', '_', '.' and '/' between segments; it may not start or end with '/'.");
        }
        else if (ReservedSegments.Contains(Path.Split('/')[0]))
        {
            yield return new PartError(nameof(Path), $"The path may not start with '{Path.Split('/')[0]}': the site uses that address.");
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9_\-\.]+(/[A-Za-z0-9_\-\.]+)*$")]
    private static partial Regex PathPattern();
}
