using Microsoft.Diagnostics.Tracing.Etlx;

namespace TraceSummary;

/// <summary>One frame of a sampled stack: its method (namespace, type, name) and assembly.</summary>
internal readonly record struct Frame(string Method, string Module)
{
    public string Component => Components.Of(this);

    public bool IsSite => Components.IsSite(Module);
}

internal static class Frames
{
    /// <summary>The stack leaf first, each frame with its method name as TraceEvent resolved it.</summary>
    public static IReadOnlyList<Frame> Of(TraceCallStack? stack)
    {
        var frames = new List<Frame>();
        for (; stack is not null; stack = stack.Caller)
        {
            var address = stack.CodeAddress;
            var method = address.FullMethodName;
            frames.Add(new Frame(string.IsNullOrEmpty(method) ? "?!" + address.ModuleName : method, address.ModuleName ?? "?"));
        }

        return frames;
    }

    /// <summary>
    /// A thread-time sample whose leaf is a wait is a thread with nothing to do (thread pool idle,
    /// epoll, timers); the rest is code running, or a thread stopped for the GC (counted apart).
    /// </summary>
    public static bool IsWaiting(IReadOnlyList<Frame> frames)
    {
        if (frames.Count == 0)
        {
            return true;
        }

        var leaf = frames[0].Method;
        if (leaf.StartsWith("?!", StringComparison.Ordinal) && frames.Any(f => f.Method.Contains("SocketAsyncEngine.EventLoop", StringComparison.Ordinal)))
        {
            return true; // epoll_wait, in native code under the socket engine's loop
        }

        string[] waits =
        [
            "WaitForSignal", "WaitNative", "WaitOneNoCheck", "Monitor.Wait(", "ManualResetEventSlim.Wait", "Interop+Sys.Read(",
            "WaitForSocketEvents", "Thread.Sleep", "SemaphoreSlim.Wait", "Interop+Sys.Poll", "Interop+Sys.WaitPid",
            "Interop+Sys.ReadStdin", "Task.SpinThenBlockingWait", "Thread.Join", "LowLevelLifoSemaphore", "Interop+Sys.Accept",
        ];
        return waits.Any(w => leaf.Contains(w, StringComparison.Ordinal));
    }

    /// <summary>A thread waiting for a Monitor (lock statement) another thread holds, or spinning for it.</summary>
    public static bool IsLockWait(IReadOnlyList<Frame> frames) => frames.Count > 0
        && (frames[0].Method.Contains("Monitor.Enter_Slowpath", StringComparison.Ordinal)
            || frames[0].Method.Contains("LowLevelSpinWaiter", StringComparison.Ordinal)
            || frames[0].Method.Contains("Monitor.ReliableEnter", StringComparison.Ordinal));

    /// <summary>Frames that say whose code it is: not the runtime's, DI's or a generated delegate's.</summary>
    public static bool IsWorthNaming(Frame frame)
        => frame.Component is not ("CoreLib" or "native or unresolved" or "dependency injection" or "Anonymously Hosted DynamicMethods Assembly");

    public static bool IsGcWait(IReadOnlyList<Frame> frames) => frames.Count > 0 && frames[0].Method.Contains("PollGC", StringComparison.Ordinal);
}
