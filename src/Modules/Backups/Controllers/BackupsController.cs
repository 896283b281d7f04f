using Cms.Admin;
using Cms.Data.Backup;
using Cms.Display;
using Cms.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Modules.Backups.ViewModels;

namespace Modules.Backups.Controllers;

/// <summary>The Backups page: the latest backups and "Back up now". Needs ManageBackups.</summary>
[Admin]
[Route("admin/backups")]
public sealed class BackupsController(
    ISiteBackup backups,
    IOptions<BackupOptions> options,
    IAuthorizationService authorization,
    INotifier notifier) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        if (await this.DenyUnlessAsync(authorization, Permissions.ManageBackups) is { } denied)
        {
            return denied;
        }

        ViewData["Title"] = "Backups";
        return View("Backups", new BackupsViewModel
        {
            History = await backups.HistoryAsync(),
            Folder = backups.Folder,
            Keep = options.Value.Keep,
        });
    }

    [HttpPost("")]
    public async Task<IActionResult> Create()
    {
        if (await this.DenyUnlessAsync(authorization, Permissions.ManageBackups) is { } denied)
        {
            return denied;
        }

        try
        {
            Directory.CreateDirectory(backups.Folder);
            var record = await backups.CreateAsync(backups.NewFile(), User.Identity?.Name ?? "admin", HttpContext.RequestAborted);
            var pruned = backups.Prune();
            notifier.Success($"The site was backed up to {record.File} ({BackupsViewModel.Size(record.SizeBytes)})." +
                (record.Message.Length > 0 ? " " + record.Message : "") +
                (pruned > 0 ? $" {pruned} older backup(s) removed, keeping the newest {options.Value.Keep}." : ""));
        }
        catch (Exception ex) when (ex is BackupException or IOException or UnauthorizedAccessException)
        {
            notifier.Error($"The site was not backed up: {ex.Message}");
        }

        return Redirect("/admin/backups");
    }
}
