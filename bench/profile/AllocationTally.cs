using Microsoft.Diagnostics.Tracing;

namespace TraceSummary;

/// <summary>GC allocation ticks (one event about every 100 KB allocated): what is allocated, and by whom.</summary>
internal sealed class AllocationTally
{
    private readonly Dictionary<string, long> _types = [];
    private readonly Dictionary<string, long> _siteCallers = [];
    private readonly Dictionary<string, long> _components = [];
    private long _total;

    public void Add(TraceEvent data, IReadOnlyList<Frame> frames)
    {
        var bytes = data.PayloadByName("AllocationAmount64") is { } amount64 ? Convert.ToInt64(amount64, System.Globalization.CultureInfo.InvariantCulture)
            : Convert.ToInt64(data.PayloadByName("AllocationAmount") ?? 0, System.Globalization.CultureInfo.InvariantCulture);
        _total += bytes;
        Tally.Bump(_types, data.PayloadByName("TypeName") as string ?? "?", bytes);
        var site = frames.FirstOrDefault(f => f.IsSite);
        Tally.Bump(_siteCallers, site == default ? "(no site frame)" : site.Method, bytes);

        // The library that asked for the memory: the first frame above the runtime's own collections and strings.
        var asker = frames.FirstOrDefault(f => f.Component is not ("CoreLib" or "collections" or "LINQ" or "reflection" or "native or unresolved"));
        Tally.Bump(_components, asker == default ? "CoreLib" : asker.Component, bytes);
    }

    public void Print(TextWriter output, int top)
    {
        if (_total == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine($"allocations sampled: {_total / 1048576.0:N0} MiB (one tick about every 100 KB)");
        Tally.Print(output, "allocated by component (the library that asked)", _components, _total, top);
        Tally.Print(output, "allocated types", _types, _total, top);
        Tally.Print(output, "allocated under the site's nearest call", _siteCallers, _total, top);
    }
}
