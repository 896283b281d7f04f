using System.Security.Claims;
using Cms.Admin;
using Cms.Display;
using Cms.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Modules.Media.Models;
using Modules.Media.Services;
using Modules.Media.ViewModels;

namespace Modules.Media.Controllers;

/// <summary>The media library: browse and search, upload (form and the editor's JSON), rename, replace, delete.</summary>
[Admin]
public sealed class MediaLibraryController(MediaLibrary library, IAuthorizationService authorization, INotifier notifier) : Controller
{
    [HttpGet("/admin/media")]
    public async Task<IActionResult> Index(string? q, int page = 1)
    {
        if (await this.DenyUnlessAsync(authorization, Permissions.ManageOwnMedia) is { } denied)
        {
            return denied;
        }

        return await LibraryViewAsync(q, page, error: null, altText: null);
    }

    [HttpPost("/admin/media/upload")]
    public async Task<IActionResult> Upload(IFormFile? file, string? altText, string? folder)
    {
        if (await this.DenyUnlessAsync(authorization, Permissions.ManageOwnMedia) is { } denied)
        {
            return denied;
        }

        var result = await UploadAsync(file, altText, folder);
        if (result.File is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LibraryViewAsync(null, 1, result.Error, altText);
        }

        notifier.Success($"“{result.File.Path}” is uploaded: {MediaUrls.Of(result.File.Path)}");
        return Redirect("/admin/media");
    }

    /// <summary>The Markdown editor's upload (button or drop): JSON in, JSON out; the antiforgery token comes in a header.</summary>
    [HttpPost("/admin/media/upload.json")]
    public async Task<IActionResult> UploadJson(IFormFile? file, string? altText)
    {
        if (await this.DenyUnlessAsync(authorization, Permissions.ManageOwnMedia) is { } denied)
        {
            return denied;
        }

        var result = await UploadAsync(file, altText, folder: null);
        if (result.File is not { } stored)
        {
            return BadRequest(new { error = result.Error });
        }

        var url = MediaUrls.Of(stored.Path);
        var alt = stored.AltText.Replace("[", "(", StringComparison.Ordinal).Replace("]", ")", StringComparison.Ordinal);
        return Json(new MediaUploadAnswer(url, stored.AltText, stored.Width, stored.Height, $"![{alt}]({url}){{width={stored.Width} height={stored.Height}}}"));
    }

    [HttpGet("/admin/media/{id:long}")]
    public async Task<IActionResult> Edit(long id)
    {
        var file = await library.FindAsync(id);
        if (file is null)
        {
            return NotFound();
        }

        if (await this.DenyUnlessAsync(authorization, Permissions.ManageOwnMedia) is { } denied)
        {
            return denied;
        }

        ViewData["Title"] = file.Path;
        return View("MediaEdit", new MediaEditViewModel(file, await MayChangeAsync(file), null));
    }

    [HttpPost("/admin/media/{id:long}/rename")]
    public Task<IActionResult> Rename(long id, string? path, string? altText)
        => ChangeAsync(id, file => library.RenameAsync(file, path, altText), file => $"“{file.Path}” is saved.");

    [HttpPost("/admin/media/{id:long}/replace")]
    public Task<IActionResult> Replace(long id, IFormFile? file) => ChangeAsync(id, async stored =>
    {
        if (await ReadAsync(file) is not { } bytes)
        {
            return MediaResult.Refused(file is null ? "Choose a file to upload." : FileTooLarge(file));
        }

        return await library.ReplaceAsync(stored, bytes, file!.FileName, file.ContentType);
    }, stored => $"“{stored.Path}” is replaced; posts that show it show the new picture.");

    [HttpPost("/admin/media/{id:long}/delete")]
    public Task<IActionResult> Delete(long id)
        => ChangeAsync(id, library.DeleteAsync, file => $"“{file.Path}” is deleted.", "/admin/media");

    private async Task<IActionResult> ChangeAsync(long id, Func<MediaFile, Task<MediaResult>> change, Func<MediaFile, string> success, string? then = null)
    {
        var file = await library.FindAsync(id);
        if (file is null)
        {
            return NotFound();
        }

        if (!await MayChangeAsync(file))
        {
            return this.ChallengeOrForbid();
        }

        var result = await change(file);
        if (result.Error is { } error)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            ViewData["Title"] = file.Path;
            return View("MediaEdit", new MediaEditViewModel(file, true, error));
        }

        notifier.Success(success(result.File!));
        return Redirect(then ?? $"/admin/media/{id}");
    }

    private async Task<MediaResult> UploadAsync(IFormFile? file, string? altText, string? folder)
    {
        if (await ReadAsync(file) is not { } bytes)
        {
            return MediaResult.Refused(file is null ? "Choose a file to upload." : FileTooLarge(file));
        }

        return await library.UploadAsync(bytes, file!.FileName, file.ContentType, altText, folder, User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "");
    }

    /// <summary>The bytes, or null when there is no file or it is over the limit (never read into memory then).</summary>
    private async Task<byte[]?> ReadAsync(IFormFile? file)
    {
        if (file is null || file.Length > library.MaxFileBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private string FileTooLarge(IFormFile file)
        => $"“{Path.GetFileName(file.FileName)}” is {file.Length / 1024.0 / 1024.0:0.#} MB; the limit is {library.MaxFileBytes / 1024.0 / 1024.0:0.#} MB.";

    private async Task<bool> MayChangeAsync(MediaFile file)
        => await authorization.AuthorizeAsync(User, Permissions.ManageMedia)
           || (file.Owner == User.FindFirstValue(ClaimTypes.NameIdentifier) && await authorization.AuthorizeAsync(User, Permissions.ManageOwnMedia));

    private async Task<IActionResult> LibraryViewAsync(string? q, int page, string? error, string? altText)
    {
        page = Math.Clamp(page, 1, 100_000);
        var (items, hasNext) = await library.PageAsync(q, page);
        ViewData["Title"] = "Media";
        return View("MediaLibrary", new MediaLibraryViewModel(items, q, page, hasNext, error, altText));
    }
}
