using Cms.Recipes;
using Cms.Setup;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Modules.Setup.ViewModels;

/// <summary>The setup form: the request's values, plus the choices it offers.</summary>
public sealed class SetupViewModel
{
    public SetupRequest Request { get; set; } = new();

    [BindNever]
    public IReadOnlyList<RecipeDescriptor> Recipes { get; set; } = [];

    [BindNever]
    public IReadOnlyList<string> TimeZones { get; set; } = [];

    /// <summary>Cms:BaseUrl, when the host's configuration sets the public address (then the field is not asked).</summary>
    [BindNever]
    public string? ConfiguredBaseUrl { get; set; }
}
