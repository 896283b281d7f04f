using Cms.Admin;
using Cms.Display;
using Cms.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Modules.Contents.Services;
using Modules.Contents.ViewModels;

namespace Modules.Contents.Controllers;

/// <summary>
/// Content › Content types: every type with its settings and parts; attach a part, change a part's
/// existing settings (AutoroutePart's pattern, ...), remove a part (confirmed when items of the type
/// exist, whose data for it would no longer show). Needs EditContentTypes (Administrator).
/// </summary>
[Admin]
[Route("admin/content-types")]
public sealed class ContentTypesController(ContentTypeEditor editor, IAuthorizationService authorization, INotifier notifier) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        if (await this.DenyUnlessAsync(authorization, Permissions.EditContentTypes) is { } denied)
        {
            return denied;
        }

        ViewData["Title"] = "Content types";
        return View("ContentTypes", new ContentTypesViewModel { Types = await editor.ListAsync() });
    }

    [HttpGet("{type}")]
    public async Task<IActionResult> Edit(string type)
    {
        if (await this.DenyUnlessAsync(authorization, Permissions.EditContentTypes) is { } denied)
        {
            return denied;
        }

        return await editor.FindAsync(type) is { } entry ? await PageAsync(entry) : NotFound();
    }

    [HttpPost("{type}/parts")]
    public async Task<IActionResult> Attach(string type, string? partName)
    {
        if (await this.DenyUnlessAsync(authorization, Permissions.EditContentTypes) is { } denied)
        {
            return denied;
        }

        if (await editor.FindAsync(type) is not { } entry)
        {
            return NotFound();
        }

        if (string.IsNullOrEmpty(partName) || !(await editor.AttachableAsync(entry)).Contains(partName))
        {
            ModelState.AddModelError("partName", $"Choose a part to attach: “{partName}” is not one this type can take.");
            return await PageAsync(entry, StatusCodes.Status400BadRequest);
        }

        return await AfterAsync(entry, await editor.AttachAsync(entry, partName), $"{partName} is attached to {entry.DisplayName}.");
    }

    [HttpPost("{type}/parts/{part}/settings")]
    public async Task<IActionResult> Settings(string type, string part)
    {
        if (await this.DenyUnlessAsync(authorization, Permissions.EditContentTypes) is { } denied)
        {
            return denied;
        }

        if (await editor.FindAsync(type) is not { } entry || entry.Parts.FirstOrDefault(p => p.Name == part) is not { } target)
        {
            return NotFound();
        }

        var errors = await editor.UpdateSettingsAsync(target, type, name => Request.Form.TryGetValue(name, out var value) ? value.ToString() : null);
        return await AfterAsync(entry, errors, $"The settings of {part} on {entry.DisplayName} are saved.");
    }

    [HttpPost("{type}/parts/{part}/remove")]
    public async Task<IActionResult> Remove(string type, string part, bool confirm)
    {
        if (await this.DenyUnlessAsync(authorization, Permissions.EditContentTypes) is { } denied)
        {
            return denied;
        }

        if (await editor.FindAsync(type) is not { } entry || entry.Parts.All(p => p.Name != part))
        {
            return NotFound();
        }

        if (entry.ItemCount > 0 && !confirm)
        {
            var reason = $"{entry.ItemCount} {(entry.ItemCount == 1 ? "item" : "items")} of {entry.DisplayName} may hold {part} data, "
                + "which would no longer be shown, edited or exported. Tick the box to confirm.";
            ModelState.AddModelError($"confirm-{part}", reason);
            return await PageAsync(entry, StatusCodes.Status400BadRequest, part);
        }

        await editor.RemoveAsync(type, part);
        notifier.Success($"{part} is removed from {entry.DisplayName}.");
        return Redirect($"/admin/content-types/{type}");
    }

    private async Task<IActionResult> AfterAsync(ContentTypeEntry entry, IReadOnlyList<string> errors, string success)
    {
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                ModelState.AddModelError("", error);
            }

            return await PageAsync(entry, StatusCodes.Status400BadRequest);
        }

        notifier.Success(success);
        return Redirect($"/admin/content-types/{entry.Name}");
    }

    private async Task<IActionResult> PageAsync(ContentTypeEntry entry, int status = StatusCodes.Status200OK, string? confirmRemoval = null)
    {
        Response.StatusCode = status;
        ViewData["Title"] = $"Content type {entry.DisplayName}";
        return View("ContentType", new ContentTypeViewModel { Type = entry, AttachableParts = await editor.AttachableAsync(entry), ConfirmRemoval = confirmRemoval });
    }
}
