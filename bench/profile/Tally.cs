namespace TraceSummary;

internal static class Tally
{
    /// <summary>A name's width before it is cut (LINE_WIDTH; 160): a caller chain of CALLER_DEPTH frames may need more.</summary>
    private static readonly int s_lineWidth = int.TryParse(Environment.GetEnvironmentVariable("LINE_WIDTH"), out var width) && width > 0 ? width : 160;
    public static void Bump(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    public static void Bump(Dictionary<string, long> counts, string key, long by) => counts[key] = counts.GetValueOrDefault(key) + by;

    public static void Print<T>(TextWriter output, string title, Dictionary<string, T> counts, double whole, int top)
        where T : IConvertible
    {
        output.WriteLine();
        output.WriteLine(title + ":");
        foreach (var (key, value) in counts.OrderByDescending(p => p.Value.ToDouble(null)).Take(top))
        {
            var share = whole > 0 ? 100 * value.ToDouble(null) / whole : 0;
            output.WriteLine($"  {share,5:0.0}%  {Shorten(key)}");
        }
    }

    /// <summary>Method names without their long argument lists, so a line stays readable.</summary>
    private static string Shorten(string name)
    {
        if (name.Length == 0)
        {
            return "(the runtime's own code only)";
        }

        var parts = name.Split(" <- ").Select(chain => string.Join(" -> ", chain.Split(" -> ").Select(WithoutArguments)));
        var shortName = string.Join(" <- ", parts);
        return shortName.Length > s_lineWidth ? shortName[..s_lineWidth] + "..." : shortName;
    }

    private static string WithoutArguments(string method)
    {
        var open = method.IndexOf('(', StringComparison.Ordinal);
        return open > 0 && !method.StartsWith('(') ? method[..open] + "()" : method;
    }
}
