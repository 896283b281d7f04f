using Cms.Hosting;

namespace Cms.Tests.Hosting;

/// <summary>The idle trim comes once after a load stops: never during one, never for an idle site, never twice.</summary>
public sealed class IdleTrimPolicyTests
{
    private const long MiB = 1024 * 1024;

    private readonly IdleTrimPolicy _policy = new() { LoadBytes = 32 * MiB, QuietBytesPerTick = MiB, QuietTicks = 3 };

    private List<bool> Feed(ref long allocated, long perTick, int ticks)
    {
        var said = new List<bool>();
        for (var i = 0; i < ticks; i++)
        {
            allocated += perTick;
            said.Add(_policy.Observe(allocated));
        }

        return said;
    }

    [Fact]
    public void AfterALoad_TrimsOnceWhenQuiet()
    {
        long allocated = 0;
        var load = Feed(ref allocated, 20 * MiB, 10);
        var quiet = Feed(ref allocated, 10 * 1024, 10);

        Assert.DoesNotContain(true, load);
        Assert.Equal([false, false, true, false, false, false, false, false, false, false], quiet);
    }

    [Fact]
    public void SteadyTraffic_IsNeverInterrupted()
    {
        long allocated = 0;

        Assert.DoesNotContain(true, Feed(ref allocated, 5 * MiB, 100));
    }

    [Fact]
    public void IdleSite_WithoutALoad_IsNotTrimmed()
    {
        long allocated = 0;
        Feed(ref allocated, 40 * MiB, 1);
        Assert.Contains(true, Feed(ref allocated, 0, 5));

        Assert.DoesNotContain(true, Feed(ref allocated, 100 * 1024, 100));
    }

    [Fact]
    public void ASecondLoad_IsTrimmedAfterItStopsToo()
    {
        long allocated = 0;
        Feed(ref allocated, 20 * MiB, 5);
        Assert.Contains(true, Feed(ref allocated, 0, 5));
        Feed(ref allocated, 20 * MiB, 5);

        Assert.Equal([false, false, true], Feed(ref allocated, 0, 3));
    }
}
