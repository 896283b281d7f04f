using System.Runtime.InteropServices;

namespace Cms.Hosting;

/// <summary>
/// The C library's heap, where SQLite keeps each connection's page cache. glibc keeps memory freed into its per-thread
/// arenas for reuse rather than handing it back, so a burst that opened many connections would leave their caches'
/// pages resident after the connections closed; <c>malloc_trim</c> gives the free pages of every arena back.
/// </summary>
public static class NativeHeap
{
    /// <summary>Returns the C heap's free pages to the system: true when some went back; false when none were free or there
    /// is no glibc (Windows, macOS, musl).</summary>
    public static bool Trim()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return malloc_trim(0) != 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int malloc_trim(nuint pad);
}
