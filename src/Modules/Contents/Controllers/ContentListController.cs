using System.Security.Claims;
using Cms.Admin;
using Cms.ContentDefinitions;
using Cms.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Modules.Contents.Services;
using Modules.Contents.ViewModels;

namespace Modules.Contents.Controllers;

/// <summary>The admin content list: filters by type, status and author, search on the title, sorting and paging.</summary>
[Admin]
public sealed class ContentListController(ContentListQuery list, IContentDefinitionManager definitions, IAuthorizationService authorization) : Controller
{
    public const int PageSize = 20;

    [HttpGet("/admin/contents")]
    public async Task<IActionResult> Index([FromQuery] ContentListFilter filter)
    {
        if (!await authorization.AuthorizeAsync(User, ContentPermissions.EditOwnContent))
        {
            return Forbid();
        }

        filter.Page = Math.Clamp(filter.Page, 1, 100_000);
        var types = (await definitions.ListTypesAsync()).Where(t => t.GetSettings().Listable).ToList();
        var ownerId = await authorization.AuthorizeAsync(User, ContentPermissions.ListContent) ? null : User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var (items, hasNext) = await list.PageAsync(filter, ownerId, PageSize);

        ViewData["Title"] = "Content";
        return View("ContentList", new ContentListViewModel
        {
            Filter = filter,
            Items = items,
            Types = types.Select(t => (t.Name, t.DisplayName)).ToList(),
            CreatableTypes = types.Where(t => t.GetSettings().Creatable).Select(t => (t.Name, t.DisplayName)).ToList(),
            HasNext = hasNext,
            QueryWithoutPage = QueryString(filter),
        });
    }

    private static string QueryString(ContentListFilter filter)
    {
        var pairs = new Dictionary<string, string?>
        {
            ["type"] = filter.Type, ["status"] = filter.Status, ["owner"] = filter.Owner, ["q"] = filter.Q, ["sort"] = filter.Sort,
        };
        return Microsoft.AspNetCore.Http.QueryString.Create(pairs.Where(p => !string.IsNullOrEmpty(p.Value))).ToString();
    }
}
