using Cms.Admin;
using Cms.Content;
using Cms.Display;
using Cms.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Modules.Contents;
using Modules.NewsCommentary.Models;
using Modules.NewsCommentary.Services;

namespace Modules.NewsCommentary.Controllers;

/// <summary>
/// What an editor does about a changed quote, from the report's "changed" filter: acknowledge it (the
/// report clears, readers keep the notice) or update the quote to what the source now says (a new version,
/// which starts the drift record over).
/// </summary>
[Admin]
[Route("admin/source-links/{contentItemId}")]
public sealed class QuoteDriftController(
    LinkCheckStore store,
    IContentManager contentManager,
    IAuthorizationService authorization,
    INotifier notifier,
    IPublicCache publicCache,
    TimeProvider clock) : Controller
{
    public const string Filter = "changed";
    private const string Back = "/admin/source-links?filter=" + Filter;

    [HttpPost("acknowledge")]
    public async Task<IActionResult> Acknowledge(string contentItemId)
    {
        if (await this.DenyUnlessAsync(authorization, Permissions.ViewSourceLinkHealth) is { } denied)
        {
            return denied;
        }

        var item = contentItemId.Length <= 26 ? await contentManager.GetAsync(contentItemId) : null;
        if (item is null || await this.DenyUnlessAsync(authorization, ContentPermissions.EditContent, item) is not null)
        {
            notifier.Error("Nothing was acknowledged: there is no published post by that id that you may edit.");
            return Redirect(Back);
        }

        if (await store.AcknowledgeAsync(contentItemId, clock.GetUtcNow().UtcDateTime))
        {
            // Readers' pages do not change, but the content API's QuoteDrift section says "acknowledged" (cached under the public tag).
            await publicCache.EvictAllAsync();
            notifier.Success($"Acknowledged: “{item.DisplayText}” keeps its quote; readers still see that the source has changed.");
        }
        else
        {
            notifier.Error("Nothing was acknowledged: that post's quote has no unacknowledged change.");
        }

        return Redirect(Back);
    }

    [HttpPost("quote")]
    public async Task<IActionResult> UpdateQuote(string contentItemId, string? text)
    {
        if (await this.DenyUnlessAsync(authorization, Permissions.ViewSourceLinkHealth) is { } denied)
        {
            return denied;
        }

        var item = contentItemId.Length <= 26 ? await contentManager.GetAsync(contentItemId) : null;
        if (item is null || await this.DenyUnlessAsync(authorization, ContentPermissions.PublishContent, item) is not null)
        {
            notifier.Error("The quote was not updated: there is no published post by that id that you may publish.");
            return Redirect(Back);
        }

        var latest = await contentManager.GetAsync(contentItemId, VersionOptions.Latest);
        if (latest?.ContentItemVersionId != item.ContentItemVersionId)
        {
            notifier.Error($"The quote was not updated: “{item.DisplayText}” has an unpublished draft. Update the quote in the editor, so the draft is not lost.");
            return Redirect(Back);
        }

        var quote = item.As<QuotePart>() ?? new QuotePart();
        quote.Text = text?.Replace("\r\n", "\n", StringComparison.Ordinal) ?? "";
        var problem = quote.Validate().Select(e => e.Message).FirstOrDefault() ?? XmlChars.Problem(quote.Text, "The quoted passage");
        if (problem is not null)
        {
            notifier.Error("The quote was not updated: " + problem);
            return Redirect(Back);
        }

        item.Apply(quote);
        await contentManager.PublishAsync(item);
        notifier.Success($"The quote of “{item.DisplayText}” was updated as a new version; the source will be read again on the next check.");
        return Redirect(Back);
    }
}
