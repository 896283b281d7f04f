using System.Security.Claims;
using Cms.Admin;
using Cms.Data;
using Cms.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Modules.Admin.ViewModels;
using Modules.Contents;

namespace Modules.Admin.Controllers;

/// <summary>The admin home: recent drafts and recently published items.</summary>
[Admin]
public sealed class DashboardController(CmsDbContext db, IAuthorizationService authorization) : Controller
{
    private const int Count = 10;

    [HttpGet("/admin")]
    public async Task<IActionResult> Index()
    {
        var query = db.ContentItems.AsNoTracking();
        // Listing everyone's items needs ListContent; others see their own.
        if (!await authorization.AuthorizeAsync(User, ContentPermissions.ListContent))
        {
            var userId = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
            query = query.Where(r => r.Owner == userId);
        }

        var drafts = await query.Where(r => r.Latest && !r.Published)
            .OrderByDescending(r => r.ModifiedUtc).Take(Count)
            .Select(r => new DashboardEntry(r.ContentItemId, r.DisplayText, r.ContentType, r.Author, r.ModifiedUtc))
            .ToListAsync();
        var published = await query.Where(r => r.Published)
            .OrderByDescending(r => r.PublishedUtc).Take(Count)
            .Select(r => new DashboardEntry(r.ContentItemId, r.DisplayText, r.ContentType, r.Author, r.PublishedUtc))
            .ToListAsync();
        ViewData["Title"] = "Dashboard";
        return View("Dashboard", new DashboardViewModel { Drafts = drafts, Published = published });
    }
}
