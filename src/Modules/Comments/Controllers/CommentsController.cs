using Cms.Display;
using Cms.Hosting;
using Cms.Settings;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Modules.Comments.Models;
using Modules.Comments.Services;
using Modules.Comments.Settings;
using Modules.Comments.ViewModels;

namespace Modules.Comments.Controllers;

/// <summary>A reader posts a comment or a reply to a published post. Needs PostComments.</summary>
public sealed class CommentsController(
    CommentTargets targets,
    CommentPolicy policy,
    CommentWriter writer,
    CommentThreadQuery threads,
    ISiteService site,
    INotifier notifier,
    TimeProvider clock,
    IAntiforgery antiforgery) : CommentControllerBase(antiforgery)
{
    [HttpPost("/comments/{contentItemId}")]
    [RateLimit(RateLimitRules.Comment, BySignedInUser = true)]
    public async Task<IActionResult> Post(string contentItemId, CommentForm form)
    {
        // Model binding turns a blank text into null; the rules below answer blank text with their message.
        form ??= new CommentForm();
        form.Text ??= "";
        var settings = (await site.GetAsync()).Comments();
        var target = await targets.FindPublishedAsync(contentItemId, settings, clock.GetUtcNow().UtcDateTime);
        var rights = await policy.RightsOfAsync(User);
        if (!rights.IsSignedIn)
        {
            // Back to the post once signed in, not to this address, which only takes a POST.
            return Challenge(new AuthenticationProperties { RedirectUri = target?.Path ?? "/" });
        }

        if (!rights.CanPost)
        {
            var note = settings.PolicyNote.Length > 0 ? settings.PolicyNote : "Your account may not post comments.";
            return Refused(403, note, target?.Path, text: form.Text);
        }

        if (target is null)
        {
            return Refused(404, "There is no published post here to comment on: it may have been unpublished or deleted.", null, text: form.Text);
        }

        if (!await FormIsGenuineAsync())
        {
            return Refused(400, FormNotGenuineMessage, target.Path, text: form.Text);
        }

        if (!ModelState.IsValid)
        {
            // Only ParentId can fail to bind (it must be a number).
            return Refused(400, "The comment you are replying to does not exist.", target.Path, text: form.Text);
        }

        var result = await writer.PostAsync(target, rights, settings, form.Text, form.ParentId);
        if (!result.Succeeded)
        {
            if (result.RetryAfterSeconds is { } wait)
            {
                Response.Headers.RetryAfter = wait.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            var keepsForm = result.IsBodyError || result.StatusCode == 429;
            var formView = keepsForm ? new CommentFormView(target.Item.ContentItemId, form.ParentId, settings.MaxLength, form.Text, result.IsBodyError ? result.Error : null) : null;
            return Refused(result.StatusCode, result.Error!, target.Path, formView, form.Text);
        }

        var comment = result.Comment!;
        notifier.Success(comment.Status == CommentStatus.Approved
            ? "Your comment is published."
            : "Your comment is awaiting moderation: readers will see it once a moderator approves it.");
        var page = await threads.PageOfAsync(comment, rights.UserId!, settings.PageSize);
        var query = page > 1 ? $"?{CommentThreadBuilder.PageParameter}={page}" : "";
        return Redirect($"{target.Path}{query}#comment-{comment.Id}");
    }
}

/// <summary>The comment form as posted.</summary>
public sealed class CommentForm
{
    public string? Text { get; set; }

    /// <summary>The comment this one replies to; none for a top-level comment.</summary>
    public long? ParentId { get; set; }
}
