using System.Collections.Concurrent;

namespace Cms.Display;

/// <summary>
/// Shape-level cache, as Orchard Core's DynamicCache: the HTML a published version renders to in a display type (a
/// post's summary on the home page and the lists; a visitor's page of a comment thread), kept under the public-pages
/// signal's version, which every change a reader can see moves (the version itself, a comment, settings, features,
/// roles): the first request that reads a newer version starts an empty generation, on every node. Only HTML that is
/// the same for every viewer may be kept (nothing per user, no antiforgery token): a summary is, and so is a comment
/// list as an anonymous visitor sees it. A page still renders on an output-cache miss; it writes the kept text of each
/// shape instead of building the shape's parts and views again (issue 12 point 1: half the home page).
/// Bounded by the characters held: past <see cref="MaxChars"/> the generation starts again empty.
/// </summary>
public sealed class KeptShapes
{
    /// <summary>
    /// Characters kept under one version at most (4 MiB of UTF-16): about 2,500 summaries of 1.6 KB, a hundred list
    /// pages' worth, small beside the memory target (issue 12 point 4: 250 MiB at peak).
    /// </summary>
    public const long MaxChars = 2L * 1024 * 1024;

    private sealed class Generation(long version)
    {
        public long Version { get; } = version;
        public ConcurrentDictionary<string, string> Html { get; } = new(StringComparer.Ordinal);
        public long Chars;
    }

    private Generation _current = new(long.MinValue);

    /// <summary>How many shapes the current generation holds, and their characters (for tests and diagnostics).</summary>
    public (int Count, long Chars) Held
    {
        get
        {
            var generation = Volatile.Read(ref _current);
            return (generation.Html.Count, Interlocked.Read(ref generation.Chars));
        }
    }

    /// <summary>
    /// The HTML kept for <paramref name="id"/> (a published version id, or what names the shape) in
    /// <paramref name="displayType"/> under <paramref name="version"/>.
    /// </summary>
    public bool TryGet(long version, string id, string displayType, out string html)
    {
        var generation = Volatile.Read(ref _current);
        if (generation.Version == version && generation.Html.TryGetValue(Key(id, displayType), out var kept))
        {
            html = kept;
            return true;
        }

        html = "";
        return false;
    }

    /// <summary>Keeps HTML rendered from content read after <paramref name="version"/> was; nothing when a newer version has been seen.</summary>
    public void Keep(long version, string id, string displayType, string html)
    {
        var generation = Volatile.Read(ref _current);
        if (version < generation.Version || html.Length > MaxChars)
        {
            return;
        }

        if (version > generation.Version || Interlocked.Read(ref generation.Chars) + html.Length > MaxChars)
        {
            var fresh = new Generation(version);
            generation = Interlocked.CompareExchange(ref _current, fresh, generation) == generation ? fresh : Volatile.Read(ref _current);
            if (generation.Version != version)
            {
                return;
            }
        }

        if (generation.Html.TryAdd(Key(id, displayType), html))
        {
            Interlocked.Add(ref generation.Chars, html.Length);
        }
    }

    private static string Key(string id, string displayType) => displayType + "/" + id;
}
