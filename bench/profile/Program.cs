using Microsoft.Diagnostics.Tracing.Etlx;
using TraceSummary;

// Reads a dotnet-trace file (thread-time samples and, with the GC keyword, allocation ticks) and
// prints where a page's time and allocations go: by component, by method, and the site's own code.
//   dotnet run --project bench/profile -- FILE.nettrace [--top N]
if (args.Length == 0 || !File.Exists(args[0]))
{
    Console.Error.WriteLine("usage: TraceSummary FILE.nettrace [--top N]   (a trace from dotnet-trace collect)");
    return 1;
}

var top = args.Length > 2 && args[1] == "--top" && int.TryParse(args[2], out var n) ? n : 25;
var etlx = TraceLog.CreateFromEventPipeDataFile(args[0], Path.ChangeExtension(args[0], ".etlx"));
using (var log = new TraceLog(etlx))
{
    var samples = new SampleTally();
    var allocations = new AllocationTally();
    foreach (var data in log.Events)
    {
        if (data.ProviderName == "Microsoft-DotNETCore-SampleProfiler" && data.EventName.StartsWith("Thread/Sample", StringComparison.Ordinal))
        {
            samples.Add(Frames.Of(data.CallStack()));
        }
        else if (data.EventName.StartsWith("GC/AllocationTick", StringComparison.Ordinal))
        {
            allocations.Add(data, Frames.Of(data.CallStack()));
        }
    }

    samples.Print(Console.Out, top);
    allocations.Print(Console.Out, top);
}

File.Delete(etlx);
return 0;
