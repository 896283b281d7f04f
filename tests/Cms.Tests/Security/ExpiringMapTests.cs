using Cms.Security;

namespace Cms.Tests.Security;

/// <summary>The map behind the remembered tickets and tokens: kept for their time, never more than its capacity.</summary>
public sealed class ExpiringMapTests
{
    private readonly SetClock _clock = new();

    [Fact]
    public void AValue_IsFound_UntilItsLifetimeEnds()
    {
        var map = new ExpiringMap<string>(4, TimeSpan.FromMinutes(5), _clock);
        map.Set("cookie", "token");

        _clock.Now += TimeSpan.FromMinutes(5) - TimeSpan.FromTicks(1);
        Assert.True(map.TryGet("cookie", out var found));
        Assert.Equal("token", found);

        _clock.Now += TimeSpan.FromTicks(1);
        Assert.False(map.TryGet("cookie", out _));
    }

    [Fact]
    public void SettingAKeyAgain_ReplacesItsValue_AndRenewsIt_WithoutCountingItTwice()
    {
        var map = new ExpiringMap<string>(4, TimeSpan.FromMinutes(5), _clock);
        map.Set("cookie", "old");
        _clock.Now += TimeSpan.FromMinutes(4);
        map.Set("cookie", "new");
        _clock.Now += TimeSpan.FromMinutes(4);

        Assert.True(map.TryGet("cookie", out var found));
        Assert.Equal("new", found);
        Assert.Equal(1, map.Count);
    }

    [Fact]
    public void OverItsCapacity_TheMapIsEmptied_SoItNeverHoldsMore()
    {
        var map = new ExpiringMap<string>(3, TimeSpan.FromMinutes(5), _clock);
        for (var i = 0; i < 3; i++)
        {
            map.Set($"cookie-{i}", "token");
        }

        Assert.Equal(3, map.Count);
        map.Set("cookie-3", "token");

        Assert.Equal(0, map.Count);
        Assert.False(map.TryGet("cookie-0", out _));
        Assert.False(map.TryGet("cookie-3", out _));
        map.Set("cookie-4", "token");
        Assert.True(map.TryGet("cookie-4", out _));
    }
}
