namespace Modules.Contents.Services;

/// <summary>
/// Adds a status to items in the admin content list beside Published and Draft ("Scheduled for …" from
/// Publish Later). Register it with AddFeatureBound; it is asked once per page for all the page's items.
/// </summary>
public interface IContentListStatus
{
    /// <summary>The status text of those of <paramref name="contentItemIds"/> that have one.</summary>
    Task<IReadOnlyDictionary<string, string>> StatusesAsync(IReadOnlyCollection<string> contentItemIds);
}
