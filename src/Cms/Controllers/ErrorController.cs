using Cms.Display;
using Cms.Hosting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Cms.Controllers;

/// <summary>Renders error pages through the theme (views "NotFound" and "Error"), under /api problem bodies instead; never a stack trace.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorController : Controller
{
    [Route("error/{code:int}")]
    public IActionResult Show(int code)
    {
        // Error pages re-executed for a failed POST must answer too. After an exception the handler has
        // chosen the status already: 503 when the database is away (Hosting.DatabaseAvailability), else 500.
        var status = HttpContext.Features.Get<IExceptionHandlerPathFeature>() is null ? code : Response.StatusCode == 503 ? 503 : 500;
        Response.StatusCode = status is >= 400 and < 600 ? status : 404;
        var model = new ErrorViewModel(Response.StatusCode);
        if (Response.StatusCode == StatusCodes.Status429TooManyRequests
            && int.TryParse(Response.Headers.RetryAfter.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
        {
            // The rate limiter set Retry-After; the reader gets it in words.
            model = model with
            {
                Message = $"This form was sent too often in a short time, from your address or for this account. Wait {Hosting.RateLimitText.Duration(TimeSpan.FromSeconds(seconds))}, then try again.",
            };
        }
        else if (status == 503)
        {
            DatabaseOutageMiddleware.SetHeaders(Response);
            model = model with { Message = DatabaseOutageMiddleware.Message(DatabaseOutageMiddleware.IsWrite(Request)) };
        }

        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        var originalPath = reExecuted is null ? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path : reExecuted.OriginalPathBase + reExecuted.OriginalPath;
        if (ApiErrorAnswer.IsApiPath(originalPath))
        {
            return ApiErrorAnswer.For(HttpContext, Response.StatusCode, Request.Method, originalPath!, model.Message);
        }

        return View(Response.StatusCode == 404 ? "NotFound" : "Error", model);
    }
}
