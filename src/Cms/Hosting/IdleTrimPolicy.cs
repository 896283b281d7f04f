namespace Cms.Hosting;

/// <summary>
/// When to give memory back: once a load has stopped. Fed the process's total allocated bytes at each tick, it says
/// "trim" once the allocations since the last trim passed <see cref="LoadBytes"/> (there was work) and then stayed
/// under <see cref="QuietBytesPerTick"/> a tick for <see cref="QuietTicks"/> ticks in a row (the work stopped). A site
/// under steady traffic never goes quiet and is never interrupted; an idle site is trimmed once, not again and again.
/// </summary>
public sealed class IdleTrimPolicy
{
    public long LoadBytes { get; init; } = 32L * 1024 * 1024;

    public long QuietBytesPerTick { get; init; } = 1024L * 1024;

    public int QuietTicks { get; init; } = 3;

    private long? _last;
    private long _atTrim;
    private int _quiet;

    /// <summary>One tick: the total allocated now; true when now is the time to trim (the caller trims at once).</summary>
    public bool Observe(long allocated)
    {
        var last = _last ?? allocated;
        _last = allocated;
        _quiet = allocated - last < QuietBytesPerTick ? _quiet + 1 : 0;
        if (_quiet < QuietTicks || allocated - _atTrim < LoadBytes)
        {
            return false;
        }

        _atTrim = allocated;
        return true;
    }
}
