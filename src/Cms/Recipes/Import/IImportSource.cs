using System.Text.Json.Nodes;

namespace Cms.Recipes.Import;

/// <summary>
/// Another service's export (a Blogger backup, a WordPress WXR file) turned into a recipe, so that it is
/// applied like any recipe: validated whole, in one transaction, with the same dry run and change report.
/// A module registers one with <c>services.AddFeatureBound&lt;IImportSource, T&gt;()</c>; the CLI's
/// <c>import NAME FILE</c> and the module's admin page find it by <see cref="Name"/>.
/// </summary>
public interface IImportSource
{
    /// <summary>The word on the command line: "blogger", "wordpress".</summary>
    string Name { get; }

    /// <summary>What the file is, for help and messages: "a Blogger export (Atom backup or Takeout feed.atom)".</summary>
    string Description { get; }

    /// <summary>Reads the file and builds the recipe; writes nothing. Errors name the entry they are about.</summary>
    Task<ImportConversion> ConvertAsync(Stream file, CancellationToken cancellationToken = default);
}

/// <summary>
/// A converted export: the recipe, or the errors that refuse the whole file; and notes on entries that
/// were imported differently than they were written (a plain post instead of a commentary, a dropped tag).
/// </summary>
public sealed record ImportConversion(JsonObject? Recipe, IReadOnlyList<ImportNote> Notes, IReadOnlyList<ImportNote> Errors)
{
    /// <summary>The entry each content item of the recipe came from, by its JSON path ("steps[3].Data[0]", "steps[4].Comments[2]"), so a recipe error names the entry.</summary>
    public IReadOnlyDictionary<string, string> EntryOfPath { get; init; } = new Dictionary<string, string>();

    public static ImportConversion Refused(params ImportNote[] errors) => new(null, [], errors);

    /// <summary>The entry a recipe error's path falls in, or "" when it is about the recipe as a whole.</summary>
    public string EntryOf(string path)
    {
        // "steps[3].Data[0].QuotePart.Text": the step, then the item in it.
        var first = path.IndexOf(']', StringComparison.Ordinal);
        var bracket = first < 0 ? -1 : path.IndexOf(']', first + 1);
        return bracket > 0 && EntryOfPath.TryGetValue(path[..(bracket + 1)], out var entry) ? entry : "";
    }
}

/// <summary>One entry of the export (its title or id, as the user would recognise it) and what about it.</summary>
public sealed record ImportNote(string Entry, string Message)
{
    public override string ToString() => Entry.Length == 0 ? Message : $"{Entry}: {Message}";
}

/// <summary>The outcome of an import: the conversion's notes and errors, then the recipe's errors and changes.</summary>
public sealed record ImportResult(IReadOnlyList<ImportNote> Errors, IReadOnlyList<ImportNote> Notes, IReadOnlyList<string> Changes)
{
    public bool Succeeded => Errors.Count == 0;
}
