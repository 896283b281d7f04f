using Cms.Display;
using Cms.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Modules.Contents;

namespace Modules.NewsCommentary.Controllers;

/// <summary>What every public list and feed shares: who may read it and how a page number is read.</summary>
public abstract class ReaderController(IAuthorizationService authorization) : Controller
{
    protected Task<IActionResult?> RefuseAsync() => this.DenyUnlessAsync(authorization, ContentPermissions.ViewContent);

    protected static bool TryReadPage(string? page, out int number) => PageNumber.TryRead(page, out number);

    protected ViewResult PageNumberError(string? page) => PageNumber.Refusal(this, page);
}
