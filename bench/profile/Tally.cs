namespace TraceSummary;

internal static class Tally
{
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
        var open = name.IndexOf('(', StringComparison.Ordinal);
        var shortName = open > 0 ? name[..open] + "()" + Tail(name) : name;
        return shortName.Length > 150 ? shortName[..150] + "..." : shortName;
    }

    private static string Tail(string name)
    {
        var arrow = name.IndexOf(" -> ", StringComparison.Ordinal);
        return arrow > 0 ? name[arrow..] : "";
    }
}
