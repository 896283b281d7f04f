using System.Net.Http.Headers;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.Media;

/// <summary>A site whose upload limit is 300 KB (so a test can go over it without sending 10 MB), and its media folder.</summary>
public sealed class MediaSite : SiteFactory
{
    public const int Limit = 300_000;

    public MediaSite() => Settings["Media:MaxFileBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string MediaFolder => Path.Combine(AppData, "media");

    /// <summary>Every file under the media folder, for "nothing was stored".</summary>
    public IReadOnlyList<string> StoredFiles()
        => Directory.Exists(MediaFolder) ? Directory.EnumerateFiles(MediaFolder, "*", SearchOption.AllDirectories).Order().ToList() : [];

    /// <summary>Posts the library's upload form as a browser would: multipart, with the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string fileName, string contentType, string? altText, string? folder = null)
    {
        var (_, page) = await Html.GetAsync(client, "/admin/media");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Html.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent(altText ?? ""), "altText" },
            { new StringContent(folder ?? ""), "folder" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        return await client.PostAsync("/admin/media/upload", form);
    }

    /// <summary>Posts a form of the media item's page (rename, replace, delete) with its token.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, long id, string action, HttpContent? extra = null, Dictionary<string, string>? fields = null)
    {
        var (_, page) = await Html.GetAsync(client, $"/admin/media/{id}");
        using var form = new MultipartFormDataContent { { new StringContent(Html.AntiforgeryToken(page)), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields ?? [])
        {
            form.Add(new StringContent(value), name);
        }

        if (extra is not null)
        {
            form.Add(extra, "file", "replacement.jpg");
        }

        return await client.PostAsync($"/admin/media/{id}/{action}", form);
    }
}
