using System.Security.Claims;
using Cms.Admin;
using Cms.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Modules.Admin.Services;
using Modules.Contents;

namespace Modules.Admin.Controllers;

/// <summary>The admin home: recent drafts and recently published items.</summary>
[Admin]
public sealed class DashboardController(DashboardQuery dashboard, IAuthorizationService authorization) : Controller
{
    private const int Count = 10;

    [HttpGet("/admin")]
    public async Task<IActionResult> Index()
    {
        // Listing everyone's items needs ListContent; others see their own.
        var ownerId = await authorization.AuthorizeAsync(User, ContentPermissions.ListContent) ? null : User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        ViewData["Title"] = "Dashboard";
        return View("Dashboard", await dashboard.BuildAsync(ownerId, Count));
    }
}
