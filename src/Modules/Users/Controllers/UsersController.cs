using Cms.Admin;
using Cms.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Modules.Users.Services;

namespace Modules.Users.Controllers;

/// <summary>The users list: search by user name or e-mail (any case), 20 to a page. Needs ManageUsers.</summary>
[Admin]
public sealed class UsersController(UserAccounts accounts, IAuthorizationService authorization) : Controller
{
    public const int PageSize = 20;

    [HttpGet("/admin/users")]
    public async Task<IActionResult> Index(string? q, int page = 1)
    {
        if (await this.DenyUnlessAsync(authorization, Permissions.ManageUsers) is { } denied)
        {
            return denied;
        }

        ViewData["Title"] = "Users";
        return View("Users", await accounts.PageAsync(q?.Trim() ?? "", page, PageSize));
    }
}
