using Cms.Admin;
using Cms.Content;
using Cms.Display;
using Cms.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Modules.Contents;
using Modules.Forecasts.Models;
using Modules.Forecasts.Services;
using Modules.Forecasts.ViewModels;

namespace Modules.Forecasts.Controllers;

/// <summary>The editors' due list, and resolving one forecast, which publishes a new version of its post.</summary>
[Admin]
[Route("admin/forecasts")]
public sealed class ForecastAdminController(
    ForecastQueries forecasts,
    IContentManager contentManager,
    IAuthorizationService authorization,
    INotifier notifier,
    TimeProvider clock) : Controller
{
    private const string Due = "/admin/forecasts/due";

    [HttpGet("due")]
    public async Task<IActionResult> DueList()
    {
        if (await this.DenyUnlessAsync(authorization, Permissions.ResolveForecasts) is { } denied)
        {
            return denied;
        }

        ViewData["Title"] = "Forecasts due";
        return View("Due", new DueListViewModel(await forecasts.DueAsync(clock.GetUtcNow().UtcDateTime)));
    }

    [HttpPost("{contentItemId}/{forecastId}/resolve")]
    public async Task<IActionResult> Resolve(string contentItemId, string forecastId, string? outcome, string? note, string? followUp)
    {
        if (await this.DenyUnlessAsync(authorization, Permissions.ResolveForecasts) is { } denied)
        {
            return denied;
        }

        var item = contentItemId.Length <= 26 ? await contentManager.GetAsync(contentItemId) : null;
        if (item is null || await this.DenyUnlessAsync(authorization, ContentPermissions.PublishContent, item) is not null)
        {
            notifier.Error("Nothing was resolved: there is no published post by that id that you may publish.");
            return Redirect(Due);
        }

        var part = item.As<ForecastPart>();
        var forecast = part?.Forecasts.FirstOrDefault(f => f.Id == forecastId);
        var problem = forecast is null ? "that post has no such forecast."
            : forecast.Outcome is not null ? "that forecast is already resolved."
            : !Enum.TryParse<ForecastOutcome>(outcome, out var chosen) || !Enum.IsDefined(chosen) ? "choose an outcome: happened, did not happen, partly or withdrawn."
            : (await contentManager.GetAsync(contentItemId, VersionOptions.Latest))?.ContentItemVersionId != item.ContentItemVersionId
                ? "the post has an unpublished draft; publish or discard it first, so the draft is not lost."
            : null;
        if (problem is null)
        {
            forecast!.Outcome = Enum.Parse<ForecastOutcome>(outcome!);
            forecast.Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
            forecast.FollowUpUrl = string.IsNullOrWhiteSpace(followUp) ? null : followUp.Trim();
            forecast.ResolvedUtc = clock.GetUtcNow().UtcDateTime;
            problem = forecast.Validate().Select(e => e.Message).FirstOrDefault()
                ?? XmlChars.Problem(forecast.Note, "The outcome note") ?? XmlChars.Problem(forecast.FollowUpUrl, "The follow-up link");
        }

        if (problem is not null)
        {
            notifier.Error("Nothing was resolved: " + problem);
            return Redirect(Due);
        }

        item.Apply(part!);
        await contentManager.PublishAsync(item);
        notifier.Success($"Resolved “{forecast!.Statement}” as {ForecastText.Outcome(forecast.Outcome).ToLowerInvariant()}; “{item.DisplayText}” has a new version showing it.");
        return Redirect(Due);
    }
}
