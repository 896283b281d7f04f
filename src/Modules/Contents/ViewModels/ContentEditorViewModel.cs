using Cms.Display;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Modules.Contents.ViewModels;

/// <summary>The editor page of an item: its parts' editors and what this user may do with it.</summary>
public sealed class ContentEditorViewModel
{
    [BindNever]
    public required ContentItemEditor Editor { get; init; }

    [BindNever]
    public required string TypeDisplayName { get; init; }

    /// <summary>The author and publication date fields.</summary>
    [BindNever]
    public required PublishingEditorViewModel Publishing { get; init; }

    [BindNever]
    public bool IsNew { get; init; }

    [BindNever]
    public bool IsPublished { get; init; }

    [BindNever]
    public bool HasDraft { get; init; }

    [BindNever]
    public bool Draftable { get; init; }

    [BindNever]
    public bool Versionable { get; init; }

    [BindNever]
    public bool CanPublish { get; init; }

    [BindNever]
    public bool CanDelete { get; init; }

    [BindNever]
    public bool CanPreview { get; init; }

    [BindNever]
    public bool CanClone { get; init; }

    [BindNever]
    public string? PublicUrl { get; init; }

    /// <summary>Where the editor form posts.</summary>
    [BindNever]
    public required string FormAction { get; init; }
}

public sealed class ContentHistoryViewModel
{
    [BindNever]
    public required string ContentItemId { get; init; }

    [BindNever]
    public required string DisplayText { get; init; }

    [BindNever]
    public required IReadOnlyList<Cms.Content.ContentItem> Versions { get; init; }
}
