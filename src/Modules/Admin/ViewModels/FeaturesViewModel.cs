using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Modules.Admin.ViewModels;

/// <summary>Every feature of this build, by category, with what it needs and what needs it.</summary>
public sealed class FeaturesViewModel
{
    [BindNever]
    public required IReadOnlyList<FeatureEntry> Features { get; init; }
}

/// <summary>
/// A feature as the page shows it. <see cref="Locked"/>: it cannot be switched here (part of the
/// framework, or the admin and sign-in this page stands on; the command line still can).
/// </summary>
public sealed record FeatureEntry(
    string Id,
    string Name,
    string Description,
    string Category,
    bool Enabled,
    IReadOnlyList<string> Dependencies,
    IReadOnlyList<string> Dependents,
    string? Locked);
