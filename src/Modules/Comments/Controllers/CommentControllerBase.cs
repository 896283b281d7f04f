using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Modules.Comments.ViewModels;

namespace Modules.Comments.Controllers;

/// <summary>
/// The public comment endpoints check in this order: signed in (else sent to sign in), permission
/// (else 403 saying why), antiforgery token (else 400 saying so), then the input. The global
/// antiforgery filter is skipped here only so that a visitor is sent to sign in rather than refused
/// for a missing token; every POST checks the token itself through <see cref="FormIsGenuineAsync"/>.
/// </summary>
[IgnoreAntiforgeryToken]
public abstract class CommentControllerBase(IAntiforgery antiforgery) : Controller
{
    public const string FormNotGenuineMessage =
        "This form could not be verified: its security token is missing or has expired. Nothing was saved; reload the page and try again.";

    protected Task<bool> FormIsGenuineAsync() => antiforgery.IsRequestValidAsync(HttpContext);

    protected ViewResult Refused(int statusCode, string message, string? postPath, CommentFormView? form = null, string? text = null)
    {
        Response.StatusCode = statusCode;
        return View("CommentRefused", new CommentRefusedViewModel { Message = message, PostPath = postPath, Form = form, Text = text });
    }
}
