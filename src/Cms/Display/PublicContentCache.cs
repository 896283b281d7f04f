using System.Collections.Concurrent;

namespace Cms.Display;

/// <summary>
/// Values a page builds from public content alone (a post's neighbours, a thread as visitors see it), kept per
/// process under the public-pages signal's version: every change readers can see moves it, on whichever node
/// made it, so a kept value is dropped by the first request that reads the new version, on every node at once
/// (even with a shared output cache). A key is whatever names the value within a version (a version id, a page),
/// prefixed by what it is when the value type is a common one (one singleton per value type, shared by its users).
/// <see cref="MaxEntries"/> bounds it.
/// </summary>
public sealed class PublicContentCache<TValue>
{
    /// <summary>Values kept under one version at most; past it the generation starts again empty (a crawler's sweep of every post).</summary>
    public const int MaxEntries = 20_000;

    private sealed record Generation(long Version, ConcurrentDictionary<string, TValue> Values);

    private Generation _current = new(long.MinValue, new(StringComparer.Ordinal));

    /// <summary>The value kept under <paramref name="version"/>, or the one <paramref name="build"/> makes (kept unless a newer version is seen meanwhile).</summary>
    public async Task<TValue> GetOrBuildAsync(long version, string key, Func<Task<TValue>> build)
    {
        var generation = Volatile.Read(ref _current);
        if (generation.Version == version && generation.Values.TryGetValue(key, out var kept))
        {
            return kept;
        }

        var value = await build();
        Keep(version, key, value);
        return value;
    }

    /// <summary>The value kept under <paramref name="version"/> for <paramref name="key"/>, if any.</summary>
    public bool TryGet(long version, string key, out TValue value)
    {
        var generation = Volatile.Read(ref _current);
        if (generation.Version == version && generation.Values.TryGetValue(key, out var kept))
        {
            value = kept;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>How many values the current generation holds (for tests and diagnostics).</summary>
    public int Count => Volatile.Read(ref _current).Values.Count;

    /// <summary>Keeps a value built from content read after <paramref name="version"/> was; nothing when a newer version has been seen.</summary>
    public void Keep(long version, string key, TValue value)
    {
        var generation = Volatile.Read(ref _current);
        if (version < generation.Version)
        {
            return; // built from a version another request has already seen pass
        }

        if (version > generation.Version || generation.Values.Count >= MaxEntries)
        {
            var fresh = new Generation(version, new(StringComparer.Ordinal));
            generation = Interlocked.CompareExchange(ref _current, fresh, generation) == generation ? fresh : Volatile.Read(ref _current);
            if (generation.Version != version)
            {
                return;
            }
        }

        generation.Values[key] = value;
    }
}
