using System.Security.Claims;
using Cms.Admin;
using Cms.Content;
using Cms.ContentDefinitions;
using Cms.Display;
using Cms.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Modules.Contents.Services;

namespace Modules.Contents.Controllers;

/// <summary>
/// Creates and edits items: every part's editor on one page; "Save draft" or "Publish". Nothing is
/// saved while any part is invalid, and each message stands beside its field.
/// </summary>
[Admin]
public sealed class ContentEditorController(
    IContentManager contentManager,
    IContentDefinitionManager definitions,
    IContentDisplayManager display,
    IAuthorizationService authorization,
    ContentEditorBuilder editorBuilder,
    PublishingEditor publishing,
    INotifier notifier) : Controller
{
    [HttpGet("/admin/contents/new/{type}")]
    public async Task<IActionResult> Create(string type)
    {
        if (await CreatableTypeAsync(type) is not { } definition)
        {
            return NotFound();
        }

        var item = NewItem(type);
        if (!await authorization.AuthorizeAsync(User, ContentPermissions.EditContent, item))
        {
            return Forbid();
        }

        return EditorView(await editorBuilder.BuildAsync(this, item, definition, isNew: true), $"New {definition.DisplayName}");
    }

    [HttpPost("/admin/contents/new/{type}")]
    public async Task<IActionResult> Create(string type, string? submit)
    {
        if (await CreatableTypeAsync(type) is not { } definition)
        {
            return NotFound();
        }

        var item = NewItem(type);
        return await SaveAsync(item, definition, submit, isNew: true);
    }

    [HttpGet("/admin/contents/{id}/edit")]
    public async Task<IActionResult> Edit(string id)
    {
        var item = await contentManager.GetAsync(id, VersionOptions.Latest);
        var definition = item is null ? null : await definitions.GetTypeAsync(item.ContentType);
        if (item is null || definition is null)
        {
            return NotFound();
        }

        if (!await authorization.AuthorizeAsync(User, ContentPermissions.EditContent, item))
        {
            return Forbid();
        }

        return EditorView(await editorBuilder.BuildAsync(this, item, definition, isNew: false), $"Edit {item.DisplayText}");
    }

    [HttpPost("/admin/contents/{id}/edit")]
    public async Task<IActionResult> Edit(string id, string? submit, [FromForm(Name = EditedVersion.FieldName)] string? editedVersion)
    {
        var item = await contentManager.GetAsync(id, VersionOptions.Latest);
        var definition = item is null ? null : await definitions.GetTypeAsync(item.ContentType);
        if (item is null || definition is null)
        {
            return NotFound();
        }

        if (editedVersion != EditedVersion.Of(item))
        {
            // Someone saved this item after this editor opened it: saving now would silently undo their work.
            if (!await authorization.AuthorizeAsync(User, ContentPermissions.EditContent, item))
            {
                return Forbid();
            }

            if (submit == "autosave")
            {
                return StatusCode(StatusCodes.Status409Conflict, new
                {
                    saved = false,
                    message = $"Not saved automatically: “{item.DisplayText}” was changed by someone else after you opened it. Copy what you need, then open it again.",
                });
            }

            await display.UpdateEditorAsync(item.Clone(), new ControllerUpdateModel(this));
            ModelState.AddModelError("", $"“{item.DisplayText}” was changed by someone else after you opened it. "
                + "Your changes are not saved: copy what you need, then open the item again to see the latest version.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return EditorView(await editorBuilder.BuildAsync(this, item, definition, isNew: false), $"Edit {item.DisplayText}");
        }

        return await SaveAsync(item, definition, submit, isNew: false);
    }

    private async Task<IActionResult> SaveAsync(ContentItem item, ContentTypeDefinition definition, string? submit, bool isNew)
    {
        // "autosave": the editor's page saves the draft every 30 s while it changes (content-editor.js), answered in JSON.
        var autosave = submit == "autosave" && definition.GetSettings().Draftable;
        var publish = !autosave && (submit == "publish" || !definition.GetSettings().Draftable);
        if (!await authorization.AuthorizeAsync(User, ContentPermissions.EditContent, item)
            || (publish && !await authorization.AuthorizeAsync(User, ContentPermissions.PublishContent, item)))
        {
            return Forbid();
        }

        await publishing.UpdateAsync(this, item);
        if (!await display.UpdateEditorAsync(item, new ControllerUpdateModel(this)))
        {
            if (autosave)
            {
                return AutosaveRefused();
            }

            var editor = await editorBuilder.BuildAsync(this, item, definition, isNew);
            return EditorView(editor, isNew ? $"New {definition.DisplayName}" : $"Edit {item.DisplayText}");
        }

        try
        {
            item = publish ? await contentManager.PublishAsync(item) : await contentManager.SaveDraftAsync(item);
        }
        catch (ContentOperationException ex) when (autosave)
        {
            return StatusCode(StatusCodes.Status409Conflict, new { saved = false, message = ex.Message });
        }
        catch (ContentOperationException ex)
        {
            notifier.Error(ex.Message);
            return Redirect($"/admin/contents/{item.ContentItemId}/edit");
        }

        if (autosave)
        {
            return Json(new
            {
                saved = true,
                id = item.ContentItemId,
                editedVersion = EditedVersion.Of(item),
                formAction = $"/admin/contents/{item.ContentItemId}/edit",
                savedUtc = item.ModifiedUtc,
            });
        }

        notifier.Success(publish ? $"“{item.DisplayText}” is published." : $"“{item.DisplayText}” is saved as a draft.");
        return Redirect($"/admin/contents/{item.ContentItemId}/edit");
    }

    /// <summary>An autosave of a form with errors stores nothing and says so; the editor shows the errors when the user saves.</summary>
    private ObjectResult AutosaveRefused()
        => StatusCode(StatusCodes.Status422UnprocessableEntity, new
        {
            saved = false,
            message = "Not saved automatically: some fields need correcting. Use Save draft to see which.",
        });

    private ContentItem NewItem(string type)
    {
        var item = contentManager.New(type);
        item.Owner = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        item.Author = User.Identity?.Name ?? "";
        return item;
    }

    private async Task<ContentTypeDefinition?> CreatableTypeAsync(string type)
        => await definitions.GetTypeAsync(type) is { } definition && definition.GetSettings().Creatable ? definition : null;

    private ViewResult EditorView(ViewModels.ContentEditorViewModel model, string title)
    {
        ViewData["Title"] = title;
        return View("ContentEdit", model);
    }
}
