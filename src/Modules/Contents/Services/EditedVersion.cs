using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Cms.Content;

namespace Modules.Contents.Services;

/// <summary>
/// Which version an editor opened, and exactly what it held: posted back with the form so a save over
/// someone else's newer change is caught (optimistic concurrency) instead of overwriting it. The token
/// covers the stored JSON too, so a change made in place without a new version or a new ModifiedUtc
/// (a moderator closing or reopening the comments) moves it as well.
/// </summary>
public static class EditedVersion
{
    public const string FieldName = "EditedVersion";

    public static string Of(ContentItem item)
    {
        var content = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(item.ToJsonString())), 0, 12);
        return $"{item.ContentItemVersionId}:{item.ModifiedUtc?.Ticks.ToString(CultureInfo.InvariantCulture)}:{content}";
    }
}
