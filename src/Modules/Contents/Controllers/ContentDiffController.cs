using System.Globalization;
using Cms.Admin;
using Cms.Content;
using Cms.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Modules.Contents.Services;
using Modules.Contents.ViewModels;

namespace Modules.Contents.Controllers;

/// <summary>Any two versions of an item side by side, chosen on its history page. Reading only: a GET, checked like the history.</summary>
[Admin]
public sealed class ContentDiffController(IContentManager contentManager, IAuthorizationService authorization) : Controller
{
    [HttpGet("/admin/contents/{id}/diff")]
    public async Task<IActionResult> Diff(string id, string? from, string? to)
    {
        var item = await contentManager.GetAsync(id, VersionOptions.Latest);
        if (item is null)
        {
            return NotFound();
        }

        if (!await authorization.AuthorizeAsync(User, ContentPermissions.EditContent, item))
        {
            return Forbid();
        }

        var versions = await contentManager.GetVersionsAsync(id);
        var older = versions.FirstOrDefault(v => v.ContentItemVersionId == from);
        var newer = versions.FirstOrDefault(v => v.ContentItemVersionId == to);
        if (older is null || newer is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            ViewData["Title"] = $"History of {item.DisplayText}";
            ModelState.AddModelError("", "Choose two versions of this item to compare: one in “From” and one in “To”.");
            return View("ContentHistory", new ContentHistoryViewModel { ContentItemId = id, DisplayText = item.DisplayText, Versions = versions.Reverse().ToList() });
        }

        ViewData["Title"] = $"Changes to {item.DisplayText}";
        return View("ContentDiff", new ContentDiffViewModel
        {
            ContentItemId = id,
            DisplayText = item.DisplayText,
            OldLabel = Label(older),
            NewLabel = Label(newer),
            Rows = VersionDiff.Compare(older, newer),
        });
    }

    private static string Label(ContentItem version)
    {
        var state = version.Published ? " (published)" : version.Latest ? " (draft)" : "";
        return $"{version.ModifiedUtc?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC{state}";
    }
}
