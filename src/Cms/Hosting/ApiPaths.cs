using Microsoft.AspNetCore.Http;

namespace Cms.Hosting;

/// <summary>
/// Where the site's machine-facing endpoints live (the content API, GraphQL): one prefix that the framework's error
/// answers and a module's authentication both recognise, so the two cannot disagree on what is an API request.
/// </summary>
public static class ApiPaths
{
    public const string Prefix = "/api";

    public static bool Contains(PathString path) => path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);
}
