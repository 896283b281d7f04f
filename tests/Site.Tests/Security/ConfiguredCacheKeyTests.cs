using Cms.Display;
using Site.Tests.Infrastructure;

namespace Site.Tests.Security;

/// <summary>
/// A query key the host's configuration names (Cms:PublicCache:QueryKeys) makes pages of its own, as the
/// bench's cache-miss loads need ("nocache"); every other unknown key still gets the one cached page.
/// </summary>
public sealed class ConfiguredCacheKeyTests(ConfiguredCacheKeyTests.NoCacheKeySite site) : IClassFixture<ConfiguredCacheKeyTests.NoCacheKeySite>
{
    [Fact]
    public async Task ConfiguredQueryKey_RendersEachValueForItself()
    {
        var reader = site.CreateReader();
        await reader.GetStringAsync("/?nocache=1");
        Assert.NotNull((await reader.GetAsync("/?nocache=1")).Headers.Age); // the same value: from the output cache

        var other = await reader.GetAsync("/?nocache=2");

        // Rendered for itself: not the cache's answer (which carries Age). Counting queries no longer shows it: a warm
        // page built from kept values reads only the version, outside EF Core on SQLite.
        Assert.Null(other.Headers.Age);
    }

    [Fact]
    public async Task OtherUnknownKeys_AreStillServedTheCachedPage()
    {
        var reader = site.CreateReader();
        await reader.GetStringAsync("/archive?x=1");
        site.Queries.Reset();

        var again = await reader.GetAsync("/archive?x=2");

        Assert.Equal(0, site.Queries.Count);
        Assert.NotNull(again.Headers.Age);
    }

    public sealed class NoCacheKeySite : SiteFactory
    {
        public NoCacheKeySite() => Settings[PublicCacheQueryKeyExtensions.ConfigurationKey] = "nocache";
    }
}
