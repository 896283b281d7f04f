using Cms.Admin;
using Cms.Data;
using Cms.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Modules.Users.ViewModels;

namespace Modules.Users.Controllers;

/// <summary>The users list: search by user name or e-mail (any case), 20 to a page. Needs ManageUsers.</summary>
[Admin]
public sealed class UsersController(CmsDbContext db, IAuthorizationService authorization, TimeProvider clock) : Controller
{
    public const int PageSize = 20;

    [HttpGet("/admin/users")]
    public async Task<IActionResult> Index(string? q, int page = 1)
    {
        if (await this.DenyUnlessAsync(authorization, Permissions.ManageUsers) is { } denied)
        {
            return denied;
        }

        var query = db.Users.AsNoTracking();
        var search = q?.Trim() ?? "";
        if (search.Length > 0)
        {
            // Identity's normalized columns are upper case, so matching them is case-insensitive on every database.
            var normalized = search.Normalize().ToUpperInvariant();
            query = query.Where(u => u.NormalizedUserName!.Contains(normalized) || u.NormalizedEmail!.Contains(normalized));
        }

        var total = await query.CountAsync();
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var users = await query.OrderBy(u => u.NormalizedUserName).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync();
        var ids = users.Select(u => u.Id).ToList();
        var roles = await (from link in db.UserRoles.AsNoTracking()
                           join role in db.Roles.AsNoTracking() on link.RoleId equals role.Id
                           where ids.Contains(link.UserId)
                           select new { link.UserId, role.Name }).ToListAsync();
        var now = clock.GetUtcNow();
        var rows = users.Select(u => new UserRow(
            u.Id,
            u.UserName ?? "",
            u.Email ?? "",
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name ?? "").Order(StringComparer.OrdinalIgnoreCase).ToList(),
            u.IsEnabled,
            u.LockoutEnd > now)).ToList();
        ViewData["Title"] = "Users";
        return View("Users", new UserListViewModel { Users = rows, Query = search, Page = page, PageCount = pageCount, Total = total });
    }
}
