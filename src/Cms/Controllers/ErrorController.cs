using Cms.Display;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Cms.Controllers;

/// <summary>Renders error pages through the theme (views "NotFound" and "Error"); never a stack trace.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorController : Controller
{
    [Route("error/{code:int}")]
    public IActionResult Show(int code)
    {
        // Error pages re-executed for a failed POST must answer too.
        var status = HttpContext.Features.Get<IExceptionHandlerPathFeature>() is null ? code : 500;
        Response.StatusCode = status is >= 400 and < 600 ? status : 404;
        var model = new ErrorViewModel(Response.StatusCode);
        return View(Response.StatusCode == 404 ? "NotFound" : "Error", model);
    }
}
