using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Modules.Contents.ViewModels;

public enum DiffKind
{
    Same,
    Added,
    Removed,
    Changed,
}

/// <summary>One side of a line: its number in that version, its text, and how it differs.</summary>
public sealed record DiffCell(int? Number, string Text, DiffKind Kind);

/// <summary>A line of the side-by-side view; a side is null where the other version has a line this one lacks.</summary>
public sealed record DiffRow(DiffCell? Old, DiffCell? New);

/// <summary>Two versions of an item compared side by side.</summary>
public sealed class ContentDiffViewModel
{
    [BindNever]
    public required string ContentItemId { get; init; }

    [BindNever]
    public required string DisplayText { get; init; }

    [BindNever]
    public required string OldLabel { get; init; }

    [BindNever]
    public required string NewLabel { get; init; }

    [BindNever]
    public required IReadOnlyList<DiffRow> Rows { get; init; }

    [BindNever]
    public bool Identical => Rows.All(r => r.Old?.Kind == DiffKind.Same && r.New?.Kind == DiffKind.Same);
}
