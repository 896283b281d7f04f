using Modules.Forecasts.ViewModels;

namespace Modules.Forecasts.Services;

/// <summary>
/// The site-wide record (counts, Brier score, calibration), kept per process until public content changes:
/// counting it is a GROUP BY over every forecast, and the record depends on nothing else (resolving a
/// forecast publishes a version, which moves the shared public-pages signal on whichever node did it).
/// So /forecasts reads the same rows at 100 posts and at 10,000 (issue 12 point 2, issue 16 point 5).
/// </summary>
public sealed class ForecastRecordCache
{
    private sealed record Entry(long Version, ForecastRecord Record);

    private Entry? _entry;

    public ForecastRecord? Find(long version) => Volatile.Read(ref _entry) is { } entry && entry.Version == version ? entry.Record : null;

    /// <summary>Keeps a record counted under <paramref name="version"/>, which was read before it was counted.</summary>
    public void Keep(long version, ForecastRecord record) => Volatile.Write(ref _entry, new Entry(version, record));
}
