using Cms.Admin;
using Cms.Display;
using Cms.Security;
using Cms.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Modules.Comments.Settings;
using Modules.Comments.ViewModels;

namespace Modules.Comments.Controllers;

/// <summary>
/// The comment and registration settings, as WordPress's Discussion settings: the same sections a
/// recipe's settings step writes, with the same ranges. Needs ManageCommentSettings.
/// </summary>
[Admin]
[Route("admin/settings/comments")]
public sealed class CommentSettingsController(ISiteService site, IAuthorizationService authorization, INotifier notifier) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        if (!await authorization.AuthorizeAsync(User, Permissions.ManageCommentSettings))
        {
            return Forbid();
        }

        var settings = await site.GetAsync();
        return Page(CommentSettingsFormReader.Of(settings.Comments(), settings.Registration()));
    }

    [HttpPost("")]
    public async Task<IActionResult> Save(CommentSettingsForm form)
    {
        if (!await authorization.AuthorizeAsync(User, Permissions.ManageCommentSettings))
        {
            return Forbid();
        }

        var (comments, registration, errors) = CommentSettingsFormReader.Read(form);
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError(field, message);
        }

        if (errors.Count > 0)
        {
            Response.StatusCode = 400;
            return Page(form);
        }

        // Saving the site settings evicts every cached public page: the note and the counts readers see change with them.
        await site.UpdateAsync(s =>
        {
            s.SetSection(CommentSettings.SectionName, comments);
            s.SetSection(RegistrationSettings.SectionName, registration);
        });
        notifier.Success("Saved.");
        return Redirect("/admin/settings/comments");
    }

    private ViewResult Page(CommentSettingsForm form)
    {
        ViewData["Title"] = "Comment settings";
        return View("CommentSettings", form);
    }
}
