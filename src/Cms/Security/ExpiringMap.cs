using System.Collections.Concurrent;

namespace Cms.Security;

/// <summary>
/// Values worked out from a cookie, kept for a fixed time so the next request with the same cookie need not decrypt or
/// encrypt again. Bounded by count: when full it is emptied at once (the next requests work their values out again),
/// which keeps the cost of a lookup flat and the memory under <c>capacity</c> entries whatever a client sends.
/// </summary>
public sealed class ExpiringMap<TValue>(int capacity, TimeSpan lifetime, TimeProvider clock) where TValue : class
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public bool TryGet(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TValue? value)
    {
        if (_entries.TryGetValue(key, out var entry) && clock.GetUtcNow() < entry.Expires)
        {
            value = entry.Value;
            return true;
        }

        value = null;
        return false;
    }

    public void Set(string key, TValue value)
    {
        var entry = new Entry(value, clock.GetUtcNow() + lifetime);
        if (_entries.TryAdd(key, entry))
        {
            if (Interlocked.Increment(ref _count) > capacity)
            {
                _entries.Clear();
                Volatile.Write(ref _count, 0);
            }
        }
        else
        {
            _entries[key] = entry;
        }
    }

    private sealed record Entry(TValue Value, DateTimeOffset Expires);
}
