namespace Cms.Display;

/// <summary>
/// The output cache of anonymous public pages. Every page is tagged <see cref="Tag"/>, because a
/// post appears on the home page, archives and feeds as well as its own page.
/// </summary>
public interface IPublicCache
{
    const string Tag = "public";

    Task EvictAllAsync();

    /// <summary>
    /// Moves on each time this node's public pages are evicted (a change made here, or another node's
    /// signal). A value computed from public content (the archive's month counts) may be kept while it
    /// stays the same, and is as fresh as the cached pages are.
    /// </summary>
    long Generation { get; }
}
