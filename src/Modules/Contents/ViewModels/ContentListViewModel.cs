using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Modules.Contents.ViewModels;

/// <summary>The content list's filters, as bound from the query string.</summary>
public sealed class ContentListFilter
{
    public string? Type { get; set; }

    /// <summary>"all" (each item's latest version), "draft" or "published".</summary>
    public string? Status { get; set; }

    /// <summary>The author's user name.</summary>
    public string? Owner { get; set; }

    public string? Q { get; set; }

    /// <summary>"modified" (newest first, the default), "oldest", "title" or "published".</summary>
    public string? Sort { get; set; }

    public int Page { get; set; } = 1;
}

public sealed class ContentListViewModel
{
    [BindNever]
    public required ContentListFilter Filter { get; init; }

    [BindNever]
    public required IReadOnlyList<ContentListEntry> Items { get; init; }

    [BindNever]
    public required IReadOnlyList<(string Name, string DisplayName)> Types { get; init; }

    /// <summary>Types this user may create (Creatable ones).</summary>
    [BindNever]
    public required IReadOnlyList<(string Name, string DisplayName)> CreatableTypes { get; init; }

    [BindNever]
    public bool HasNext { get; init; }

    /// <summary>The query string of the current filters without the page, for the pager.</summary>
    [BindNever]
    public string QueryWithoutPage { get; init; } = "";
}

public sealed record ContentListEntry(
    string ContentItemId, string DisplayText, string ContentType, string Author, DateTime? ModifiedUtc,
    bool IsPublished, bool HasDraft, string? PublicUrl)
{
    /// <summary>Statuses other features add ("Scheduled for …").</summary>
    public IReadOnlyList<string> OtherStatuses { get; init; } = [];
}
