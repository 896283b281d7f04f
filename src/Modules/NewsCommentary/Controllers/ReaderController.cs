using System.Globalization;
using Cms.Display;
using Cms.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ContentPermissions = Modules.Contents.Permissions;

namespace Modules.NewsCommentary.Controllers;

/// <summary>What every public list and feed shares: who may read it and how a page number is read.</summary>
public abstract class ReaderController(IAuthorizationService authorization) : Controller
{
    protected const int MaxPage = 10_000;

    protected async Task<IActionResult?> RefuseAsync()
    {
        if (await authorization.AuthorizeAsync(User, ContentPermissions.ViewContent))
        {
            return null;
        }

        return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
    }

    protected static bool TryReadPage(string? page, out int number)
    {
        number = 1;
        return page is null || (int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number is >= 1 and <= MaxPage);
    }

    protected ViewResult PageNumberError(string? page)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Error", new ErrorViewModel(StatusCodes.Status400BadRequest)
        {
            Message = $"'{page}' is not a page number: use a whole number from 1 to {MaxPage}.",
        });
    }

    protected string RequestBase => $"{Request.Scheme}://{Request.Host}{Request.PathBase}";
}
