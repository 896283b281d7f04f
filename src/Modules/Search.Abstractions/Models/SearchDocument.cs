namespace Modules.Search.Models;

/// <summary>The searchable text of one content item: its title and named fields of plain text.</summary>
public sealed class SearchDocument
{
    private readonly List<SearchField> _fields = [];

    /// <summary>What a result is called; it ranks above any field.</summary>
    public string Title { get; set; } = "";

    public IReadOnlyList<SearchField> Fields => _fields;

    /// <summary>True when no provider gave the item anything to search for.</summary>
    public bool IsEmpty => string.IsNullOrWhiteSpace(Title) && _fields.Count == 0;

    /// <summary>Adds a field of plain text (Markdown should be turned into plain text first); blank text is left out.</summary>
    public SearchDocument Add(string name, string? text, SearchWeight weight = SearchWeight.Normal)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            _fields.Add(new SearchField(name, text.Trim(), weight));
        }

        return this;
    }
}

/// <summary>A named piece of an item's text, e.g. "Headline" or "Analysis".</summary>
public sealed record SearchField(string Name, string Text, SearchWeight Weight);

/// <summary>How much a match in a field counts; the title always counts most.</summary>
public enum SearchWeight
{
    /// <summary>Body text: a quoted passage, an analysis.</summary>
    Normal,

    /// <summary>Text that says what the item is about, such as a headline: between the title and the body.</summary>
    High,
}
