using Modules.NewsCommentary.ViewModels;

namespace Modules.NewsCommentary.Services;

/// <summary>
/// The archive's month counts, kept per process until public content changes (the public cache's
/// generation moves on every publish, unpublish, deletion, import and settings change, here or on
/// another node). Counting is a scan of every published post's date; this makes it one scan per
/// change instead of one per request, so the archive page costs the same at 100 posts and at 10,000.
/// </summary>
public sealed class ArchiveMonths
{
    private sealed record Entry(long Generation, string TimeZoneId, IReadOnlyList<ArchiveMonthViewModel> Months);

    private Entry? _entry;

    public IReadOnlyList<ArchiveMonthViewModel>? Find(long generation, string timeZoneId)
        => Volatile.Read(ref _entry) is { } entry && entry.Generation == generation && entry.TimeZoneId == timeZoneId ? entry.Months : null;

    /// <summary>Keeps months counted under <paramref name="generation"/>, read before they were counted.</summary>
    public void Keep(long generation, string timeZoneId, IReadOnlyList<ArchiveMonthViewModel> months)
        => Volatile.Write(ref _entry, new Entry(generation, timeZoneId, months));
}
