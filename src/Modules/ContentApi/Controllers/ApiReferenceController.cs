using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Modules.ContentApi.Endpoints;
using Modules.ContentApi.ViewModels;

namespace Modules.ContentApi.Controllers;

/// <summary>
/// The API's reference, rendered on the server from its OpenAPI document in the site's theme: it needs no
/// script, no CDN and nothing the site's Content-Security-Policy refuses, so it works offline.
/// </summary>
public sealed class ApiReferenceController([FromKeyedServices(ContentApiEndpoints.DocumentName)] IOpenApiDocumentProvider documents) : Controller
{
    [HttpGet("/api/docs")]
    public async Task<IActionResult> Index(CancellationToken cancellation)
    {
        var document = await documents.GetOpenApiDocumentAsync(cancellation);
        return View("ApiReference", ApiReferenceViewModel.From(document, ContentApiEndpoints.DocumentPath));
    }
}
