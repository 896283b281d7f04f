using Cms.Display;

namespace Cms.Tests.Display;

/// <summary>Values kept under the public-pages signal's version: reused while it stands, built again once it moves.</summary>
public sealed class PublicContentCacheTests
{
    private readonly PublicContentCache<string> _cache = new();
    private int _builds;

    private Task<string> Build(string value)
    {
        _builds++;
        return Task.FromResult(value);
    }

    [Fact]
    public async Task AValue_IsBuiltOnce_WhileTheVersionStands()
    {
        Assert.Equal("a", await _cache.GetOrBuildAsync(3, "post", () => Build("a")));
        Assert.Equal("a", await _cache.GetOrBuildAsync(3, "post", () => Build("b")));
        Assert.Equal(1, _builds);
    }

    [Fact]
    public async Task ANewVersion_DropsEveryKeptValue()
    {
        await _cache.GetOrBuildAsync(3, "post", () => Build("old"));
        await _cache.GetOrBuildAsync(3, "other", () => Build("old other"));

        Assert.Equal("new", await _cache.GetOrBuildAsync(4, "post", () => Build("new")));
        Assert.Equal(1, _cache.Count);
        Assert.Equal("new other", await _cache.GetOrBuildAsync(4, "other", () => Build("new other")));
    }

    [Fact]
    public async Task AValueBuiltUnderAnOlderVersion_IsNotKept()
    {
        await _cache.GetOrBuildAsync(5, "post", () => Build("current"));

        // A request that read the version before a change landed: its answer is served to it, never kept.
        Assert.Equal("stale", await _cache.GetOrBuildAsync(4, "post", () => Build("stale")));
        Assert.Equal("current", await _cache.GetOrBuildAsync(5, "post", () => Build("again")));
    }

    [Fact]
    public async Task TheCache_HoldsAtMostMaxEntries()
    {
        for (var i = 0; i <= PublicContentCache<string>.MaxEntries; i++)
        {
            await _cache.GetOrBuildAsync(1, "post" + i, () => Task.FromResult("v"));
        }

        Assert.True(_cache.Count <= PublicContentCache<string>.MaxEntries);
    }
}
