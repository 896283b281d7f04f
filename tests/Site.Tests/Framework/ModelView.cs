using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Site.Tests.Framework;

/// <summary>
/// What an EF Core model says, as lines to compare: its entity types, properties, keys, indexes and relationships with
/// their annotations (EF Core's own debug view), then the tables, columns and constraints it maps them to.
/// </summary>
public static class ModelView
{
    public static IReadOnlyList<string> Of(IModel model)
        => [.. WithoutAdHocTypes(Lines(model.ToDebugString(MetadataDebugStringOptions.LongDefault))), .. Lines(model.GetRelationalModel().ToDebugString(MetadataDebugStringOptions.LongDefault))];

    /// <summary>The first line that differs, with its number, or null when the views are the same.</summary>
    public static string? FirstDifference(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        for (var i = 0; i < Math.Max(expected.Count, actual.Count); i++)
        {
            var e = i < expected.Count ? expected[i] : "(nothing)";
            var a = i < actual.Count ? actual[i] : "(nothing)";
            if (e != a)
            {
                return $"line {i + 1}: built \"{e.Trim()}\", compiled \"{a.Trim()}\"";
            }
        }

        return null;
    }

    private static IEnumerable<string> Lines(string view) => view.Split('\n').Select(l => l.TrimEnd('\r'));

    /// <summary>
    /// Without the block EF Core adds to a model in use for each row type a raw SQL query reads (the search's hits): a
    /// compiled model is one object for the process, so any earlier test's search shows there, and that is not the
    /// model's shape.
    /// </summary>
    private static IEnumerable<string> WithoutAdHocTypes(IEnumerable<string> lines)
    {
        int? block = null;
        foreach (var line in lines)
        {
            var indent = line.Length - line.TrimStart().Length;
            if (block is { } open && (indent > open || line.Trim().Length == 0))
            {
                continue;
            }

            block = line.Trim() == "Ad-hoc entity types:" ? indent : null;
            if (block is null)
            {
                yield return line;
            }
        }
    }
}
