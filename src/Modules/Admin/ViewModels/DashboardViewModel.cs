using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Modules.Admin.ViewModels;

public sealed class DashboardViewModel
{
    [BindNever]
    public required IReadOnlyList<DashboardEntry> Drafts { get; init; }

    [BindNever]
    public required IReadOnlyList<DashboardEntry> Published { get; init; }

    [BindNever]
    public IReadOnlyList<DashboardType> CreatableTypes { get; init; } = [];
}

/// <summary>A content type an editor may create: its technical name and the name people read.</summary>
public sealed record DashboardType(string Name, string DisplayName);

/// <summary>An item in a dashboard list, with the time that matters for that list.</summary>
public sealed record DashboardEntry(string ContentItemId, string DisplayText, string ContentType, string Author, DateTime? When);
