using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Modules.Media.Services;

namespace Modules.Media.Controllers;

/// <summary>
/// Serves media files and their resized copies to anyone: a long cache lifetime and an ETag (the
/// file's hash), so a returning reader asks again only after a week and then gets 304.
/// </summary>
public sealed class MediaController(MediaLibrary library, MediaVariants variants, MediaFolder folder, IOptions<MediaOptions> options) : Controller
{
    [HttpGet("/media/{**path}")]
    public async Task<IActionResult> Get(string path, int? width, CancellationToken cancellationToken)
    {
        var (checkedPath, error) = MediaPath.Check(path);
        if (checkedPath is null)
        {
            return BadRequest(error);
        }

        if (width is { } w && !MediaUrls.Widths.Contains(w))
        {
            return BadRequest($"width must be one of {string.Join(", ", MediaUrls.Widths)}.");
        }

        var file = await library.FindAsync(checkedPath);
        if (file is null)
        {
            return NotFound();
        }

        var served = width is { } asked ? await variants.FileForAsync(file, asked, cancellationToken) : folder.FileOf(file.Path);
        var tag = width is null ? file.Hash : $"{file.Hash}-{width.Value.ToString(CultureInfo.InvariantCulture)}";
        Response.Headers.CacheControl = $"public, max-age={(long)options.Value.CacheLifetime.TotalSeconds}";
        return PhysicalFile(served, file.ContentType, lastModified: null,
            entityTag: new EntityTagHeaderValue($"\"{tag}\""));
    }
}
