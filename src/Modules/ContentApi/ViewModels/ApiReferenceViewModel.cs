using Microsoft.OpenApi;

namespace Modules.ContentApi.ViewModels;

/// <summary>The reference page: the OpenAPI document's operations, as a reader scans them.</summary>
public sealed class ApiReferenceViewModel
{
    public string Title { get; init; } = "";
    public string Description { get; init; } = "";
    public string DocumentUrl { get; init; } = "";
    public IReadOnlyList<ApiOperationViewModel> Operations { get; init; } = [];

    public static ApiReferenceViewModel From(OpenApiDocument document, string documentUrl) => new()
    {
        Title = document.Info?.Title ?? "API",
        Description = document.Info?.Description ?? "",
        DocumentUrl = documentUrl,
        Operations = (document.Paths ?? new OpenApiPaths())
            .SelectMany(path => (path.Value.Operations ?? []).Select(op => new ApiOperationViewModel(
                op.Key.ToString().ToUpperInvariant(),
                path.Key,
                op.Value.Summary ?? "",
                op.Value.Description ?? "",
                (op.Value.Parameters ?? []).Select(p => new ApiParameterViewModel(p.Name ?? "", p.In?.ToString().ToLowerInvariant() ?? "", p.Required, p.Description ?? "")).ToList(),
                (op.Value.Responses ?? []).Select(r => $"{r.Key} {r.Value.Description}".Trim()).ToList())))
            .ToList(),
    };
}

public sealed record ApiOperationViewModel(string Method, string Path, string Summary, string Description,
    IReadOnlyList<ApiParameterViewModel> Parameters, IReadOnlyList<string> Responses)
{
    public string Anchor => (Method + Path).ToLowerInvariant().Replace('/', '-').Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal);
}

public sealed record ApiParameterViewModel(string Name, string In, bool Required, string Description);
