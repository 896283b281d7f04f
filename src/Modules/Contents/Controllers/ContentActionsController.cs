using Cms.Admin;
using Cms.Content;
using Cms.ContentDefinitions;
using Cms.Display;
using Cms.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Modules.Contents.Models;
using Modules.Contents.ViewModels;

namespace Modules.Contents.Controllers;

/// <summary>Publish, unpublish, discard draft, delete, clone, history and restore: each checked, each a POST but history.</summary>
[Admin]
[Route("admin/contents/{id}")]
public sealed class ContentActionsController(
    IContentManager contentManager,
    IContentDefinitionManager definitions,
    IAuthorizationService authorization,
    INotifier notifier) : Controller
{
    [HttpPost("publish")]
    public Task<IActionResult> Publish(string id) => ActAsync(id, ContentPermissions.PublishContent, async item =>
    {
        await contentManager.PublishAsync(item);
        return $"“{item.DisplayText}” is published.";
    });

    [HttpPost("unpublish")]
    public Task<IActionResult> Unpublish(string id) => ActAsync(id, ContentPermissions.PublishContent, async item =>
    {
        await contentManager.UnpublishAsync(id);
        return $"“{item.DisplayText}” is no longer published.";
    });

    [HttpPost("discard")]
    public Task<IActionResult> Discard(string id) => ActAsync(id, ContentPermissions.EditContent, async item =>
    {
        await contentManager.DiscardDraftAsync(id);
        return $"The draft of “{item.DisplayText}” is discarded.";
    });

    [HttpPost("delete")]
    public async Task<IActionResult> Delete(string id)
    {
        var result = await ActAsync(id, ContentPermissions.DeleteContent, async item =>
        {
            await contentManager.RemoveAsync(id);
            return $"“{item.DisplayText}” is deleted.";
        });
        return result is RedirectResult { Url: var url } && url.EndsWith("/edit", StringComparison.Ordinal) ? Redirect("/admin/contents") : result;
    }

    [HttpPost("clone")]
    public async Task<IActionResult> Clone(string id)
    {
        var item = await contentManager.GetAsync(id, VersionOptions.Latest);
        if (item is null)
        {
            return NotFound();
        }

        if (!await authorization.AuthorizeAsync(User, ContentPermissions.CloneContent, item))
        {
            return Forbid();
        }

        var copy = item.Clone();
        copy.ContentItemId = IdGenerator.NewId();
        copy.ContentItemVersionId = IdGenerator.NewId();
        copy.CreatedUtc = null;
        copy.PublishedUtc = null;
        copy.Owner = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "";
        copy.Author = User.Identity?.Name ?? "";
        if (copy.As<TitlePart>() is { } title)
        {
            copy.Alter<TitlePart>(t => t.Title = $"Copy of {title.Title}"[..Math.Min(TitlePart.MaxLength, title.Title.Length + 8)]);
        }

        if (copy.Has(nameof(AutoroutePart)))
        {
            copy.Alter<AutoroutePart>(p => p.Path = "");
        }

        await contentManager.SaveDraftAsync(copy);
        notifier.Success($"A copy of “{item.DisplayText}” is saved as a draft.");
        return Redirect($"/admin/contents/{copy.ContentItemId}/edit");
    }

    [HttpGet("history")]
    public async Task<IActionResult> History(string id)
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

        ViewData["Title"] = $"History of {item.DisplayText}";
        var versions = (await contentManager.GetVersionsAsync(id)).Reverse().ToList();
        return View("ContentHistory", new ContentHistoryViewModel { ContentItemId = id, DisplayText = item.DisplayText, Versions = versions });
    }

    [HttpPost("restore/{versionId}")]
    public async Task<IActionResult> Restore(string id, string versionId)
    {
        var version = await contentManager.GetVersionAsync(versionId);
        if (version is null || version.ContentItemId != id)
        {
            return NotFound();
        }

        return await ActAsync(id, ContentPermissions.EditContent, async item =>
        {
            await contentManager.RestoreAsync(versionId);
            return $"The version of {version.ModifiedUtc:yyyy-MM-dd HH:mm} UTC is restored as the draft of “{item.DisplayText}”.";
        });
    }

    private async Task<IActionResult> ActAsync(string id, Permission permission, Func<ContentItem, Task<string>> act)
    {
        var item = await contentManager.GetAsync(id, VersionOptions.Latest);
        if (item is null || await definitions.GetTypeAsync(item.ContentType) is null)
        {
            return NotFound();
        }

        if (!await authorization.AuthorizeAsync(User, permission, item))
        {
            return Forbid();
        }

        try
        {
            notifier.Success(await act(item));
        }
        catch (ContentOperationException ex)
        {
            notifier.Error(ex.Message);
        }

        return Redirect($"/admin/contents/{id}/edit");
    }
}
