using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Modules.Admin.ViewModels;

public sealed class DashboardViewModel
{
    [BindNever]
    public required IReadOnlyList<DashboardEntry> Drafts { get; init; }

    [BindNever]
    public required IReadOnlyList<DashboardEntry> Published { get; init; }
}

/// <summary>An item in a dashboard list, with the time that matters for that list.</summary>
public sealed record DashboardEntry(string ContentItemId, string DisplayText, string ContentType, string Author, DateTime? When);
