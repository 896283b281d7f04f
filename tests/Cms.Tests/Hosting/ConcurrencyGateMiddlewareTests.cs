using Cms.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Cms.Tests.Hosting;

/// <summary>At most the configured number of page requests are worked on at once; the rest wait, a form post never does.</summary>
public sealed class ConcurrencyGateMiddlewareTests
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inside;
    private int _most;

    private ConcurrencyGateMiddleware Gate(string? limit) => new(async _ =>
    {
        var now = Interlocked.Increment(ref _inside);
        InterlockedMax(ref _most, now);
        await _release.Task;
        Interlocked.Decrement(ref _inside);
    }, new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [ConcurrencyGateMiddleware.LimitKey] = limit }).Build());

    private static DefaultHttpContext Request(string method, CancellationToken aborted = default)
        => new() { Request = { Method = method }, RequestAborted = aborted };

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    [Fact]
    public async Task PageRequests_BeyondTheLimit_WaitForAFreePlace()
    {
        var gate = Gate("2");
        var requests = Enumerable.Range(0, 5).Select(_ => gate.InvokeAsync(Request("GET"))).ToList();
        await Task.Delay(200);

        Assert.Equal(2, Volatile.Read(ref _inside));
        _release.SetResult();
        await Task.WhenAll(requests);
        Assert.Equal(2, _most);
    }

    [Fact]
    public async Task FormPosts_AreNeverQueued()
    {
        var gate = Gate("1");
        var requests = new[] { gate.InvokeAsync(Request("GET")), gate.InvokeAsync(Request("POST")), gate.InvokeAsync(Request("POST")) };
        await Task.Delay(200);

        Assert.Equal(3, Volatile.Read(ref _inside));
        _release.SetResult();
        await Task.WhenAll(requests);
    }

    [Fact]
    public async Task AClientThatLeavesWhileWaiting_IsNotServed()
    {
        var gate = Gate("1");
        using var leaving = new CancellationTokenSource();
        var first = gate.InvokeAsync(Request("GET"));
        var waiting = gate.InvokeAsync(Request("GET", leaving.Token));
        await Task.Delay(100);

        await leaving.CancelAsync();
        await waiting;
        _release.SetResult();
        await first;

        Assert.Equal(1, _most);
        Assert.Equal(0, Volatile.Read(ref _inside));
    }

    [Fact]
    public async Task Zero_TurnsTheGateOff()
    {
        var gate = Gate("0");
        var requests = Enumerable.Range(0, 5).Select(_ => gate.InvokeAsync(Request("GET"))).ToList();
        await Task.Delay(200);

        Assert.Equal(5, Volatile.Read(ref _inside));
        _release.SetResult();
        await Task.WhenAll(requests);
    }

    [Fact]
    public void Default_IsFourPerCore()
        => Assert.Equal(Environment.ProcessorCount * 4, ConcurrencyGateMiddleware.Limit(new ConfigurationBuilder().Build()));
}
