using System.Security.Claims;
using Cms.Content;
using Cms.Display;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Modules.ContentApi.Models;
using Modules.ContentApi.Services;
using Modules.ContentApi.ViewModels;

namespace Modules.ContentApi.Controllers;

/// <summary>
/// A signed-in user's personal access tokens on their account page: make one (its secret shown once, on the
/// answer to the form), see when each was used, revoke one. A user sees and revokes only their own.
/// </summary>
public sealed class ApiTokensController(ApiTokens tokens, TimeProvider clock, INotifier notifier) : Controller
{
    private const string Page = "/account/tokens";

    [HttpGet(Page)]
    public async Task<IActionResult> Index()
        => UserId() is { } userId ? await PageAsync(userId, new ApiTokensViewModel()) : Challenge();

    [HttpPost(Page)]
    public async Task<IActionResult> Create(ApiTokensViewModel model)
    {
        if (UserId() is not { } userId)
        {
            return Challenge();
        }

        var name = model.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            ModelState.AddModelError(nameof(model.Name), "Name the token after what will use it, e.g. \"newsletter script\".");
        }
        else if (name.Length > ApiToken.MaxName)
        {
            ModelState.AddModelError(nameof(model.Name), $"The name is at most {ApiToken.MaxName} characters.");
        }
        else if (XmlChars.Problem(name, "Name") is { } problem)
        {
            ModelState.AddModelError(nameof(model.Name), problem);
        }

        if (!ApiTokens.IsScope(model.Scope))
        {
            ModelState.AddModelError(nameof(model.Scope), "Choose read or write.");
        }

        if (!ApiTokensViewModel.ExpiryChoices.Contains(model.ExpiresInDays))
        {
            ModelState.AddModelError(nameof(model.ExpiresInDays), $"Choose an expiry of {string.Join(", ", ApiTokensViewModel.ExpiryChoices)} days.");
        }

        if (await tokens.CountAsync(userId) >= ApiTokens.MaxPerUser)
        {
            ModelState.AddModelError("", $"You have {ApiTokens.MaxPerUser} tokens: revoke one you no longer use first.");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await PageAsync(userId, model);
        }

        var made = await tokens.CreateAsync(userId, name, model.Scope, clock.GetUtcNow().UtcDateTime.AddDays(model.ExpiresInDays));
        return await PageAsync(userId, new ApiTokensViewModel { NewSecret = made.Secret, NewName = made.Token.Name });
    }

    [HttpPost(Page + "/{id:long}/revoke")]
    public async Task<IActionResult> Revoke(long id)
    {
        if (UserId() is not { } userId)
        {
            return Challenge();
        }

        if (!await tokens.RevokeAsync(userId, id))
        {
            return NotFound();
        }

        notifier.Success("The token is revoked: requests with it are refused from now on.");
        return Redirect(Page);
    }

    private string? UserId() => User.Identity?.IsAuthenticated == true ? User.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    private async Task<IActionResult> PageAsync(string userId, ApiTokensViewModel model)
    {
        model.Tokens = await tokens.ListAsync(userId);
        Response.Headers.CacheControl = "no-store"; // the page may hold a secret
        return View("ApiTokens", model);
    }
}
