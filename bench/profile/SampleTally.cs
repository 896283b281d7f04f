namespace TraceSummary;

/// <summary>Thread-time samples: which are code running, and where that time goes.</summary>
internal sealed class SampleTally
{
    private readonly Dictionary<string, int> _leafComponents = [];
    private readonly Dictionary<string, int> _anyComponents = [];
    private readonly Dictionary<string, int> _leafMethods = [];
    private readonly Dictionary<string, int> _siteMethods = [];
    private readonly Dictionary<string, int> _siteCallers = [];
    private readonly Dictionary<string, Dictionary<string, int>> _leafCallers = [];
    private int _total;
    private int _native;
    private int _waiting;
    private int _gc;

    private int Busy => _total - _waiting - _gc - _native;

    public void Add(IReadOnlyList<Frame> frames)
    {
        _total++;
        if (Frames.IsWaiting(frames))
        {
            _waiting++;
            return;
        }

        if (Frames.IsGcWait(frames))
        {
            _gc++;
            return;
        }

        if (frames.All(f => f.Component == "native or unresolved"))
        {
            // No managed frame at all: a thread of the runtime itself (server GC threads, mostly).
            _native++;
            return;
        }

        var leaf = frames[0];
        if (!_leafCallers.TryGetValue(leaf.Method, out var callers))
        {
            _leafCallers[leaf.Method] = callers = [];
        }

        Tally.Bump(callers, string.Join(" <- ", frames.Skip(1).Where(f => f.Component is not ("CoreLib" or "native or unresolved" or "dependency injection" or "Anonymously Hosted DynamicMethods Assembly")).Take(3).Select(f => f.Method)));
        Tally.Bump(_leafComponents, leaf.Component);
        Tally.Bump(_leafMethods, leaf.Method);
        foreach (var component in frames.Select(f => f.Component).Distinct())
        {
            Tally.Bump(_anyComponents, component);
        }

        foreach (var method in frames.Where(f => f.IsSite).Select(f => f.Method).Distinct())
        {
            Tally.Bump(_siteMethods, method);
        }

        // The site's own call nearest the leaf says which of its lines asked for the work below it.
        var site = frames.FirstOrDefault(f => f.IsSite);
        Tally.Bump(_siteCallers, site == default ? "(no site frame) -> " + leaf.Component : $"{site.Method} -> {leaf.Component}");
    }

    public void Print(TextWriter output, int top)
    {
        if (_total == 0)
        {
            return;
        }

        output.WriteLine($"thread-time samples: {_total:N0}; waiting (idle threads) {_waiting:N0}; stopped for the GC {_gc:N0}; "
            + $"runtime threads without managed frames (GC, mostly) {_native:N0}; running or blocked on a lock {Busy:N0}");
        output.WriteLine("(percentages below are of the running-or-blocked samples)");
        Tally.Print(output, "time by component, exclusive (the component at the top of the stack)", _leafComponents, Busy, top);
        Tally.Print(output, "time by component, inclusive (the component anywhere on the stack)", _anyComponents, Busy, top);
        Tally.Print(output, "methods, exclusive", _leafMethods, Busy, top);
        foreach (var (method, callers) in _leafCallers.OrderByDescending(p => p.Value.Values.Sum()).Take(3))
        {
            Tally.Print(output, $"who calls {method.Split('(')[0]} (first frames outside CoreLib)", callers, Busy, 5);
        }

        Tally.Print(output, "the site's own methods, inclusive", _siteMethods, Busy, top);
        Tally.Print(output, "the site's nearest call -> the component doing the work", _siteCallers, Busy, top);
    }
}
