using System.Security.Claims;
using Cms.Content;
using Cms.Security;
using Cms.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Modules.Contents.ViewModels;

namespace Modules.Contents.Services;

/// <summary>
/// The editor's author and publication date fields. The author defaults to the user who creates the
/// item; only users who may edit everyone's items (Editors, Administrators) change it. The date is the
/// one readers see; those who may publish the item may set it to a past moment (a future one is not a
/// publication date but a schedule).
/// </summary>
public sealed class PublishingEditor(IAuthorizationService authorization, ISiteService site, TimeProvider clock)
{
    public const string Prefix = "Publishing";

    public async Task<PublishingEditorViewModel> BuildAsync(ClaimsPrincipal user, ContentItem item)
    {
        var zone = (await site.GetAsync()).TimeZone();
        return new PublishingEditorViewModel
        {
            Author = item.Author,
            PublishedLocal = item.PublishedUtc is { } utc ? TimeZoneInfo.ConvertTimeFromUtc(utc, zone) : null,
            CanEditAuthor = await CanEditAuthorAsync(user),
            CanEditDate = await authorization.AuthorizeAsync(user, ContentPermissions.PublishContent, item),
            TimeZoneName = zone.Id,
        };
    }

    /// <summary>
    /// Binds and checks the posted fields; changes the item only when they are valid. A field this user may
    /// not change, or one the form did not send (a script posting only the parts), leaves the item's value.
    /// </summary>
    public async Task UpdateAsync(ControllerBase controller, ContentItem item)
    {
        var state = controller.ModelState;
        var errorsBefore = state.ErrorCount;
        var posted = new PublishingEditorViewModel();
        await controller.TryUpdateModelAsync(posted, Prefix);
        string? author = null;
        var form = controller.Request.HasFormContentType ? controller.Request.Form : null;
        if (form?.ContainsKey($"{Prefix}.Author") == true && await CanEditAuthorAsync(controller.User))
        {
            author = posted.Author?.Trim() ?? "";
            if (author.Length == 0)
            {
                state.AddModelError($"{Prefix}.Author", "The author is required: the name readers see in the byline.");
            }
            else if (author.Length > PublishingEditorViewModel.MaxAuthor)
            {
                state.AddModelError($"{Prefix}.Author", $"The author has at most {PublishingEditorViewModel.MaxAuthor} characters.");
            }
            else if (XmlChars.Problem(author, "The author") is { } problem)
            {
                state.AddModelError($"{Prefix}.Author", problem);
            }
        }

        DateTime? publishedUtc = item.PublishedUtc;
        if (form?.ContainsKey($"{Prefix}.PublishedLocal") == true
            && await authorization.AuthorizeAsync(controller.User, ContentPermissions.PublishContent, item))
        {
            var stored = await BuildAsync(controller.User, item);
            // The field shows minutes: an unchanged minute keeps the stored moment to the second.
            publishedUtc = posted.PublishedLocal is { } local && stored.PublishedLocal is { } was && Minute(local) == Minute(was)
                ? item.PublishedUtc
                : await ToUtcAsync(posted.PublishedLocal);
            if (state.TryGetValue($"{Prefix}.PublishedLocal", out var entry) && entry.Errors.Count > 0)
            {
                entry.Errors.Clear();
                state.AddModelError($"{Prefix}.PublishedLocal", "The publication date must be a date and time, e.g. 2024-06-01 09:30.");
            }
            else if (publishedUtc > clock.GetUtcNow().UtcDateTime.AddMinutes(1))
            {
                state.AddModelError($"{Prefix}.PublishedLocal", "The publication date cannot be in the future.");
            }
        }

        if (state.ErrorCount == errorsBefore)
        {
            item.Author = author ?? item.Author;
            item.PublishedUtc = publishedUtc;
        }
    }

    private static DateTime Minute(DateTime value) => new(value.Year, value.Month, value.Day, value.Hour, value.Minute, 0);

    private Task<bool> CanEditAuthorAsync(ClaimsPrincipal user) => authorization.AuthorizeAsync(user, ContentPermissions.EditContent);

    private async Task<DateTime?> ToUtcAsync(DateTime? local)
    {
        if (local is not { } value)
        {
            return null;
        }

        var zone = (await site.GetAsync()).TimeZone();
        var unspecified = DateTime.SpecifyKind(value, DateTimeKind.Unspecified);
        // A time the clocks skip (spring forward) does not exist there: read it an hour later.
        if (zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddHours(1);
        }

        return TimeZoneInfo.ConvertTimeToUtc(unspecified, zone);
    }
}
