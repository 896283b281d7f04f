using Xunit.Abstractions;

namespace Site.Tests.Reliability;

/// <summary>
/// The figures of the load, crash, stop and outage runs: in the test's output, and appended to
/// <see cref="FilePath"/>, which ./test.sh prints after each pass (a passing test's output is otherwise not shown).
/// </summary>
public static class Figures
{
    private static readonly Lock s_gate = new();

    public static string FilePath { get; } = Path.Combine(AppContext.BaseDirectory, "reliability-figures.txt");

    public static void Write(ITestOutputHelper output, string test, string line)
    {
        output.WriteLine(line);
        lock (s_gate)
        {
            File.AppendAllText(FilePath, $"{test}: {line}{Environment.NewLine}");
        }
    }
}
