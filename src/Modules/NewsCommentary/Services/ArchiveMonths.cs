using Modules.NewsCommentary.ViewModels;

namespace Modules.NewsCommentary.Services;

/// <summary>
/// The archive's month counts, kept per process until public content changes (the shared public-pages
/// signal moves on every publish, unpublish, deletion, import, comment and settings change, here or on
/// another node). Counting is a scan of every published post's date; this makes it one scan per
/// change instead of one per request, so the archive page costs the same at 100 posts and at 10,000.
/// </summary>
public sealed class ArchiveMonths
{
    private sealed record Entry(long Version, string TimeZoneId, IReadOnlyList<ArchiveMonthViewModel> Months);

    private Entry? _entry;

    public IReadOnlyList<ArchiveMonthViewModel>? Find(long version, string timeZoneId)
        => Volatile.Read(ref _entry) is { } entry && entry.Version == version && entry.TimeZoneId == timeZoneId ? entry.Months : null;

    /// <summary>Keeps months counted under <paramref name="version"/>, read before they were counted.</summary>
    public void Keep(long version, string timeZoneId, IReadOnlyList<ArchiveMonthViewModel> months)
        => Volatile.Write(ref _entry, new Entry(version, timeZoneId, months));
}
