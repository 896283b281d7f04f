using Cms.Display;
using Cms.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ContentPermissions = Modules.Contents.Permissions;

namespace Modules.NewsCommentary.Controllers;

/// <summary>What every public list and feed shares: who may read it and how a page number is read.</summary>
public abstract class ReaderController(IAuthorizationService authorization) : Controller
{
    protected async Task<IActionResult?> RefuseAsync()
    {
        if (await authorization.AuthorizeAsync(User, ContentPermissions.ViewContent))
        {
            return null;
        }

        return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
    }

    protected static bool TryReadPage(string? page, out int number) => PageNumber.TryRead(page, out number);

    protected ViewResult PageNumberError(string? page) => PageNumber.Refusal(this, page);
}
