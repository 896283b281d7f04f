using Cms.Display;
using Cms.Settings;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Modules.Comments.Models;
using Modules.Comments.Services;
using Modules.Comments.Settings;
using Modules.Comments.ViewModels;

namespace Modules.Comments.Controllers;

/// <summary>Authors edit or delete their own comments while the edit window lasts. Needs EditOwnComments.</summary>
[Route("comments/{id:long}")]
public sealed class OwnCommentController(
    CommentThreadQuery comments,
    CommentPolicy policy,
    CommentWriter writer,
    PostPaths paths,
    ISiteService site,
    INotifier notifier,
    IAntiforgery antiforgery) : CommentControllerBase(antiforgery)
{
    [HttpGet("edit")]
    public async Task<IActionResult> Edit(long id)
    {
        var (comment, settings, refusal) = await FindOwnAsync(id);
        return refusal ?? await PageAsync(comment!, settings, comment!.Markdown, null);
    }

    [HttpPost("edit")]
    public async Task<IActionResult> Edit(long id, CommentForm form)
    {
        var (comment, settings, refusal) = await FindOwnAsync(id);
        if (refusal is not null)
        {
            return refusal;
        }

        var path = await paths.PathOfAsync(comment!.ContentItemId);
        if (!await FormIsGenuineAsync())
        {
            return Refused(400, FormNotGenuineMessage, path, text: form.Text);
        }

        var result = await writer.EditAsync(comment, await policy.RightsOfAsync(User), settings, form.Text);
        if (result.IsBodyError)
        {
            Response.StatusCode = 400;
            return await PageAsync(comment, settings, form.Text ?? "", result.Error);
        }

        if (!result.Succeeded)
        {
            return Refused(result.StatusCode, result.Error!, path, text: form.Text);
        }

        notifier.Success(comment.Status == CommentStatus.Approved ? "Your comment is saved." : "Your comment is saved and awaits moderation.");
        return Redirect($"{path}#comment-{id}");
    }

    [HttpPost("delete")]
    public async Task<IActionResult> Delete(long id)
    {
        var (comment, settings, refusal) = await FindOwnAsync(id);
        if (refusal is not null)
        {
            return refusal;
        }

        var path = await paths.PathOfAsync(comment!.ContentItemId);
        if (!await FormIsGenuineAsync())
        {
            return Refused(400, FormNotGenuineMessage, path);
        }

        var result = await writer.DeleteAsync(comment, await policy.RightsOfAsync(User), settings);
        if (!result.Succeeded)
        {
            return Refused(result.StatusCode, result.Error!, path);
        }

        notifier.Success("Your comment is deleted.");
        return Redirect($"{path}#comments");
    }

    /// <summary>The comment when the signed-in user may change it now; else the answer to give.</summary>
    private async Task<(Comment?, CommentSettings, IActionResult?)> FindOwnAsync(long id)
    {
        var settings = (await site.GetAsync()).Comments();
        var rights = await policy.RightsOfAsync(User);
        if (!rights.IsSignedIn)
        {
            return (null, settings, Challenge());
        }

        var comment = await comments.FindAsync(id);
        if (comment is null || comment.Status is CommentStatus.Deleted or CommentStatus.Spam)
        {
            return (null, settings, Refused(404, "There is no such comment: it may have been deleted.", null));
        }

        if (policy.WhyNotChange(rights, comment, settings) is { } why)
        {
            return (null, settings, Refused(403, why, await paths.PathOfAsync(comment.ContentItemId)));
        }

        return (comment, settings, null);
    }

    private async Task<IActionResult> PageAsync(Comment comment, CommentSettings settings, string text, string? error)
    {
        var zone = (await site.GetAsync()).TimeZone();
        return View("CommentEdit", new CommentEditViewModel
        {
            Id = comment.Id,
            PostPath = await paths.PathOfAsync(comment.ContentItemId),
            Text = text,
            Error = error,
            MaxLength = settings.MaxLength,
            EditableUntilLocal = TimeZoneInfo.ConvertTimeFromUtc(comment.CreatedUtc.AddMinutes(settings.EditWindowMinutes), zone),
        });
    }
}
