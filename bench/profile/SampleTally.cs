namespace TraceSummary;

/// <summary>Thread-time samples: which are code running, and where that time goes.</summary>
internal sealed class SampleTally
{
    // CALLER_DEPTH: how many frames outside CoreLib name a leaf method's caller (3 unless set).
    private static readonly int s_callerDepth = int.TryParse(Environment.GetEnvironmentVariable("CALLER_DEPTH"), out var depth) && depth > 0 ? depth : 3;

    private readonly Dictionary<string, int> _leafComponents = [];
    private readonly Dictionary<string, int> _anyComponents = [];
    private readonly Dictionary<string, int> _leafMethods = [];
    private readonly Dictionary<string, int> _siteMethods = [];
    private readonly Dictionary<string, int> _siteCallers = [];

    // INCLUSIVE_OF="DbContext..ctor,FeatureGate": the share of the running samples with such a frame anywhere on the stack.
    private static readonly string[] s_inclusiveOf = (Environment.GetEnvironmentVariable("INCLUSIVE_OF") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
    private readonly Dictionary<string, int> _inclusiveOf = [];
    private readonly Dictionary<string, Dictionary<string, int>> _calleesOf = [];

    // CALLERS_OF="NewGuid,DelegateConstruct": also the callers of every leaf method whose name holds one of these.
    private static readonly string[] s_callersOf = (Environment.GetEnvironmentVariable("CALLERS_OF") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
    private readonly Dictionary<string, Dictionary<string, int>> _leafCallers = [];
    private int _total;
    private int _native;
    private int _locked;
    private readonly Dictionary<string, int> _lockSites = [];
    private int _waiting;
    private int _gc;

    private int Busy => _total - _waiting - _gc - _native - _locked;

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

        if (Frames.IsLockWait(frames))
        {
            // Kept apart: on a machine short of cores, lock holders are descheduled and these grow.
            _locked++;
            Tally.Bump(_lockSites, string.Join(" <- ", frames.Skip(1).Where(Frames.IsWorthNaming).Take(2).Select(f => f.Method)));
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

        Tally.Bump(callers, string.Join(" <- ", frames.Skip(1).Where(Frames.IsWorthNaming).Take(s_callerDepth).Select(f => f.Method)));
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
        foreach (var asked in s_inclusiveOf.Where(a => frames.Any(f => f.Method.Contains(a, StringComparison.Ordinal))))
        {
            Tally.Bump(_inclusiveOf, asked);

            // Which calls the asked-for frame made (its outermost match's callee) take its time.
            var at = frames.Count - 1;
            while (!frames[at].Method.Contains(asked, StringComparison.Ordinal))
            {
                at--;
            }

            if (!_calleesOf.TryGetValue(asked, out var callees))
            {
                _calleesOf[asked] = callees = [];
            }

            Tally.Bump(callees, at == 0 ? "(itself)" : frames[at - 1].Method);
        }

        Tally.Bump(_siteCallers, site == default ? "(no site frame) -> " + leaf.Component : $"{site.Method} -> {leaf.Component}");
    }

    public void Print(TextWriter output, int top)
    {
        if (_total == 0)
        {
            return;
        }

        output.WriteLine($"thread-time samples: {_total:N0}; waiting (idle threads) {_waiting:N0}; stopped for the GC {_gc:N0}; "
            + $"runtime threads without managed frames {_native:N0}; waiting for or spinning on a lock {_locked:N0}; running {Busy:N0}");
        Tally.Print(output, "locks waited for (% of the lock samples; first frames outside the runtime)", _lockSites, _locked, 8);
        output.WriteLine();
        output.WriteLine("(percentages below are of the running samples)");
        Tally.Print(output, "time by component, exclusive (the component at the top of the stack)", _leafComponents, Busy, top);
        Tally.Print(output, "time by component, inclusive (the component anywhere on the stack)", _anyComponents, Busy, top);
        Tally.Print(output, "methods, exclusive", _leafMethods, Busy, top);
        foreach (var (method, callers) in _leafCallers.OrderByDescending(p => p.Value.Values.Sum())
            .Where((p, i) => i < 3 || s_callersOf.Any(a => p.Key.Contains(a, StringComparison.Ordinal))))
        {
            Tally.Print(output, $"who calls {method.Split('(')[0]} (first frames outside CoreLib)", callers, Busy, 5);
        }

        Tally.Print(output, "the site's own methods, inclusive", _siteMethods, Busy, top);
        Tally.Print(output, "the site's nearest call -> the component doing the work", _siteCallers, Busy, top);
        if (_inclusiveOf.Count > 0)
        {
            Tally.Print(output, "frames asked for (INCLUSIVE_OF), anywhere on the stack", _inclusiveOf, Busy, top);
            foreach (var (asked, callees) in _calleesOf)
            {
                Tally.Print(output, $"what {asked} calls (INCLUSIVE_OF)", callees, Busy, 8);
            }
        }
    }
}
