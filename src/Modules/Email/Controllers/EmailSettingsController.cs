using Cms.Admin;
using Cms.Display;
using Cms.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Modules.Email.Services;
using Modules.Email.Settings;
using Modules.Email.ViewModels;

namespace Modules.Email.Controllers;

/// <summary>The e-mail settings page and its "send a test message" form. Needs ManageEmailSettings.</summary>
[Admin]
[Route("admin/settings/email")]
public sealed class EmailSettingsController(
    EmailSettingsService settings,
    IEmailSender sender,
    IAuthorizationService authorization,
    INotifier notifier) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        if (await DenyAsync() is { } denied)
        {
            return denied;
        }

        return await PageAsync(SmtpSettingsForm.Of(await settings.GetAsync()), new TestMessageForm());
    }

    [HttpPost("")]
    public async Task<IActionResult> Save([Bind(Prefix = "Settings")] SmtpSettingsForm form)
    {
        if (await DenyAsync() is { } denied)
        {
            return denied;
        }

        var (valid, errors) = SmtpSettingsValidator.Validate(form, settings.AppDataPath);
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError($"Settings.{field}", message);
        }

        if (valid is null)
        {
            form.Password = null;
            return await PageAsync(form, new TestMessageForm());
        }

        var password = form.ClearPassword ? "" : string.IsNullOrEmpty(form.Password) ? null : form.Password;
        await settings.SaveAsync(valid, password);
        notifier.Success("Saved.");
        return Redirect("/admin/settings/email");
    }

    [HttpPost("test")]
    public async Task<IActionResult> SendTest([Bind(Prefix = "Test")] TestMessageForm test)
    {
        if (await DenyAsync() is { } denied)
        {
            return denied;
        }

        if (!MailAddresses.TryParse(test.To, out var to))
        {
            ModelState.AddModelError("Test.To", "Enter the e-mail address to send the test message to.");
            return await PageAsync(SmtpSettingsForm.Of(await settings.GetAsync()), test);
        }

        var result = await sender.SendAsync(new EmailMessage(to.Address, "Test message",
            "This is a test message from the site's e-mail settings page. If you can read it, mail works."));
        if (result.Succeeded)
        {
            notifier.Success($"A test message was sent to {to.Address}.");
        }
        else
        {
            notifier.Error($"The test message was not sent. {result.Error}");
        }

        return Redirect("/admin/settings/email");
    }

    private async Task<IActionResult> PageAsync(SmtpSettingsForm form, TestMessageForm test)
    {
        var stored = await settings.GetAsync();
        ViewData["Title"] = "E-mail settings";
        return View("EmailSettings", new EmailSettingsViewModel
        {
            Settings = form,
            Test = test,
            HasPassword = stored.ProtectedPassword.Length > 0,
            Configured = settings.ConfiguredKeys(),
            DefaultPickupFolder = EmailDeliveryResolver.DefaultPickupFolder(settings.AppDataPath),
        });
    }

    private Task<IActionResult?> DenyAsync() => this.DenyUnlessAsync(authorization, Permissions.ManageEmailSettings);
}
