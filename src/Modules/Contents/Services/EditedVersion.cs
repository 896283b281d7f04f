using System.Globalization;
using Cms.Content;

namespace Modules.Contents.Services;

/// <summary>
/// Which version an editor opened: posted back with the form so a save over someone else's newer
/// save is caught (optimistic concurrency) instead of overwriting it.
/// </summary>
public static class EditedVersion
{
    public const string FieldName = "EditedVersion";

    public static string Of(ContentItem item)
        => $"{item.ContentItemVersionId}:{item.ModifiedUtc?.Ticks.ToString(CultureInfo.InvariantCulture)}";
}
