using Cms.Content;
using Microsoft.Extensions.DependencyInjection;
using Site.Tests.Infrastructure;

namespace Site.Tests.Cluster;

/// <summary>
/// With Redis configured, both nodes keep their cached pages in Redis: a post published on one node
/// is on the other's next page, with the database signal slowed to a minute to show it is Redis at work.
/// </summary>
public sealed class RedisOutputCacheTests : IDisposable
{
    private readonly RedisServer _redis = new();
    private readonly SiteFactory _a;
    private readonly SecondNodeFactory _b;

    public RedisOutputCacheTests()
    {
        _a = new SiteFactory { ClusterPollMilliseconds = 60_000, RedisConfiguration = _redis.Configuration };
        _ = _a.Services;
        _b = new SecondNodeFactory(_a) { ClusterPollMilliseconds = 60_000, RedisConfiguration = _redis.Configuration };
    }

    public void Dispose()
    {
        _b.Dispose();
        _a.Dispose();
        _redis.Dispose();
    }

    [Fact]
    public async Task PostPublishedOnA_IsOnBsNextPage_ThroughSharedCache()
    {
        var readerOfB = _b.CreateReader();
        await readerOfB.GetStringAsync("/archive");
        var cached = await readerOfB.GetAsync("/archive");
        Assert.True(cached.Headers.Age is not null, "B serves the archive from the shared cache");

        await _a.InScopeAsync(async sp =>
        {
            var cm = sp.GetRequiredService<IContentManager>();
            await cm.PublishAsync(TestPosts.New(cm, "Through Redis", new DateTime(2031, 1, 15, 9, 0, 0, DateTimeKind.Utc)));
        });

        Assert.Contains("January 2031", await readerOfB.GetStringAsync("/archive"));
    }
}
