using System.Net;
using System.Net.Http.Headers;
using Cms.Content;
using Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modules.Contents.Models;
using Modules.Media.Models;
using Modules.NewsCommentary.Models;
using SixLabors.ImageSharp;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.Media;

/// <summary>An editor uploads, browses, renames, replaces and deletes images; readers get them cached, resized and in srcset.</summary>
public sealed class MediaLibraryTests(MediaSite site) : IClassFixture<MediaSite>
{
    [Fact]
    public async Task Upload_StoresTheFileWithoutItsLocation_AndServesItWithALongLifetimeAndAnETag()
    {
        var editor = await EditorAsync("media1");

        var response = await MediaSite.UploadAsync(editor, TestImages.Jpeg(), "Harbour at Dawn.JPG", "image/jpeg", "Fishing boats in the harbour at dawn", "news/harbour");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var file = (await FileAsync("news/harbour/harbour-at-dawn.jpg"))!;
        Assert.Equal("Fishing boats in the harbour at dawn", file.AltText);
        Assert.Equal((1200, 800), (file.Width, file.Height));
        var stored = await File.ReadAllBytesAsync(Path.Combine(site.MediaFolder, "news", "harbour", "harbour-at-dawn.jpg"));
        using (var image = Image.Load(stored))
        {
            Assert.Null(image.Metadata.ExifProfile);
        }

        var reader = site.CreateReader();
        var served = await reader.GetAsync("/media/news/harbour/harbour-at-dawn.jpg");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal(TimeSpan.FromDays(7), served.Headers.CacheControl!.MaxAge);
        Assert.True(served.Headers.CacheControl.Public);
        Assert.Equal(stored, await served.Content.ReadAsByteArrayAsync());
        var etag = served.Headers.ETag!;

        using var again = new HttpRequestMessage(HttpMethod.Get, "/media/news/harbour/harbour-at-dawn.jpg");
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await reader.SendAsync(again)).StatusCode);

        var (_, library) = await Html.GetAsync(editor, "/admin/media?q=harbour");
        Assert.Contains(library.QuerySelectorAll(".media-grid img"), img => img.GetAttribute("alt") == "Fishing boats in the harbour at dawn");
        var (_, none) = await Html.GetAsync(editor, "/admin/media?q=no-such-picture");
        Assert.NotNull(none.QuerySelector(".empty"));
    }

    [Fact]
    public async Task ResizedCopies_AreMadeAtTheFixedWidthsOnly()
    {
        var editor = await EditorAsync("media2");
        await MediaSite.UploadAsync(editor, TestImages.Jpeg(withLocation: false), "wide.jpg", "image/jpeg", "A wide picture", "sizes");
        var reader = site.CreateReader();

        var small = await reader.GetAsync("/media/sizes/wide.jpg?width=640");
        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
        using (var image = Image.Load(await small.Content.ReadAsByteArrayAsync()))
        {
            Assert.Equal((640, 427), (image.Width, image.Height));
        }

        Assert.NotEqual(small.Headers.ETag, (await reader.GetAsync("/media/sizes/wide.jpg")).Headers.ETag);
        var odd = await reader.GetAsync("/media/sizes/wide.jpg?width=641");
        Assert.Equal(HttpStatusCode.BadRequest, odd.StatusCode);
        Assert.Contains("width must be one of 320, 640, 960, 1280, 1920", await odd.Content.ReadAsStringAsync());
        using (var image = Image.Load(await reader.GetByteArrayAsync("/media/sizes/wide.jpg?width=1920")))
        {
            Assert.Equal(1200, image.Width);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await reader.GetAsync("/media/sizes/..%2F..%2Fsite.db")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/media/sizes/missing.jpg")).StatusCode);
    }

    public static TheoryData<string, string, string, string, string> BadUploads => new()
    {
        { "png-named-jpeg", "photo.jpg", "image/jpeg", "alt", "its bytes are a PNG image" },
        { "text-named-jpeg", "notes.jpg", "image/jpeg", "alt", "is not a JPEG, PNG, WebP or GIF image" },
        { "svg", "logo.svg", "image/svg+xml", "alt", "SVG images are refused" },
        { "svg-named-png", "logo.png", "image/png", "alt", "SVG is refused because it can carry scripts" },
        { "png", "photo.png", "image/png", "", "Alt text is required" },
        { "huge", "bomb.png", "image/png", "alt", "(48 megapixels); the limit is 40 megapixels" },
        { "noise", "big.png", "image/png", "alt", "the limit is 0.3 MB" },
        { "png", "../../escape.png", "image/png", "alt", "may not contain “..”" },
        { "png-sent-as-gif", "photo.png", "image/gif", "alt", "was sent as image/gif but its bytes are a PNG image" },
    };

    [Theory]
    [MemberData(nameof(BadUploads))]
    public async Task BadUploads_AreRefusedWithAMessage_AndStoreNothing(string kind, string fileName, string contentType, string alt, string message)
    {
        var editor = await EditorAsync("media3");
        byte[] bytes = kind switch
        {
            "png-named-jpeg" or "png" or "png-sent-as-gif" => TestImages.Png(),
            "text-named-jpeg" => "just some text, not a picture"u8.ToArray(),
            "svg" or "svg-named-png" => System.Text.Encoding.UTF8.GetBytes(TestImages.Svg),
            "huge" => TestImages.HugePngHeader(8000, 6000),
            _ => TestImages.NoisePng(400, 400),
        };
        var folder = fileName.StartsWith("..", StringComparison.Ordinal) ? "../.." : null;
        var before = await DatabaseFingerprint.TakeAsync(site);
        var files = site.StoredFiles();

        var response = await MediaSite.UploadAsync(editor, bytes, Path.GetFileName(fileName), contentType, alt, folder);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, page.QuerySelector(".media-upload [role=alert]")!.TextContent);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
        Assert.Equal(files, site.StoredFiles());
    }

    [Fact]
    public async Task ImagesInPosts_GetASrcset_AndAFileAPublishedPostShows_IsNotDeleted_NamingThePost()
    {
        var editor = await EditorAsync("media4");
        await MediaSite.UploadAsync(editor, TestImages.Jpeg(withLocation: false), "quay.jpg", "image/jpeg", "The quay", "used");
        var file = (await FileAsync("used/quay.jpg"))!;
        var path = await PublishPostAsync("Quay Report", "The quay today:\n\n![The quay](/media/used/quay.jpg)");

        var (_, post) = await Html.GetAsync(site.CreateReader(), path);
        var img = post.QuerySelector("img[alt='The quay']")!;
        Assert.Equal("/media/used/quay.jpg", img.GetAttribute("src"));
        Assert.Contains("/media/used/quay.jpg?width=640 640w", img.GetAttribute("srcset"));
        Assert.NotNull(img.GetAttribute("sizes"));

        var refused = await MediaSite.PostAsync(editor, file.Id, "delete");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("published posts show it (“Quay Report”)", await TextOfAsync(refused));
        Assert.Equal(HttpStatusCode.OK, (await site.CreateReader().GetAsync("/media/used/quay.jpg")).StatusCode);
        var renamed = await MediaSite.PostAsync(editor, file.Id, "rename", fields: new() { ["path"] = "used/pier.jpg", ["altText"] = "The pier" });
        Assert.Contains("cannot be renamed", await TextOfAsync(renamed));

        var id = await site.InScopeAsync(sp => sp.GetRequiredService<IContentManager>().Query()
            .Where(r => r.Published && r.DisplayText == "Quay Report").Select(r => r.ContentItemId).FirstAsync());
        await site.InScopeAsync(sp => sp.GetRequiredService<IContentManager>().UnpublishAsync(id));

        var deleted = await MediaSite.PostAsync(editor, file.Id, "delete");
        Assert.Equal("/admin/media", deleted.Headers.Location!.OriginalString);
        Assert.Null(await FileAsync("used/quay.jpg"));
        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateReader().GetAsync("/media/used/quay.jpg")).StatusCode);
        Assert.False(File.Exists(Path.Combine(site.MediaFolder, "used", "quay.jpg")));
    }

    [Fact]
    public async Task RenameAndReplace_MoveTheFile_AndChangeItsETag()
    {
        var editor = await EditorAsync("media5");
        await MediaSite.UploadAsync(editor, TestImages.Jpeg(withLocation: false), "old-name.jpg", "image/jpeg", "First", "moves");
        var file = (await FileAsync("moves/old-name.jpg"))!;
        var reader = site.CreateReader();
        var firstTag = (await reader.GetAsync("/media/moves/old-name.jpg")).Headers.ETag;

        var renamed = await MediaSite.PostAsync(editor, file.Id, "rename", fields: new() { ["path"] = "moves/new-name.jpg", ["altText"] = "Second" });
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/media/moves/old-name.jpg")).StatusCode);
        Assert.Equal(firstTag, (await reader.GetAsync("/media/moves/new-name.jpg")).Headers.ETag);
        Assert.Equal("Second", (await FileAsync("moves/new-name.jpg"))!.AltText);

        var escape = await MediaSite.PostAsync(editor, file.Id, "rename", fields: new() { ["path"] = "../outside.jpg", ["altText"] = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, escape.StatusCode);
        Assert.Contains("may not contain “..”", await TextOfAsync(escape));

        var png = new ByteArrayContent(TestImages.Png());
        png.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        var wrongType = await MediaSite.PostAsync(editor, file.Id, "replace", png);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);

        var jpeg = new ByteArrayContent(TestImages.Jpeg(600, 400, withLocation: false, shade: 200));
        jpeg.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        var replaced = await MediaSite.PostAsync(editor, file.Id, "replace", jpeg);
        Assert.Equal(HttpStatusCode.Redirect, replaced.StatusCode);
        var now = await reader.GetAsync("/media/moves/new-name.jpg");
        Assert.NotEqual(firstTag, now.Headers.ETag);
        using var image = Image.Load(await now.Content.ReadAsByteArrayAsync());
        Assert.Equal(600, image.Width);
    }

    [Fact]
    public async Task TheEditorsUpload_AnswersMarkdownToInsert_AndNeedsTheToken()
    {
        var editor = await EditorAsync("media6");
        var (_, page) = await Html.GetAsync(editor, "/admin/contents/new/NewsCommentary");
        Assert.NotNull(page.QuerySelector("script[src='/_content/Media/media-editor.js']"));

        async Task<HttpResponseMessage> PostAsync(string? token, string alt)
        {
            using var form = new MultipartFormDataContent { { new StringContent(alt), "altText" } };
            var file = new ByteArrayContent(TestImages.Png());
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(file, "file", "Dropped Chart.png");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/media/upload.json") { Content = form };
            if (token is not null)
            {
                request.Headers.Add("X-CSRF-TOKEN", token);
            }

            return await editor.SendAsync(request);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(null, "A chart")).StatusCode);
        var token = Html.AntiforgeryToken(page);
        var noAlt = await PostAsync(token, " ");
        Assert.Equal(HttpStatusCode.BadRequest, noAlt.StatusCode);
        Assert.Contains("Alt text is required", await noAlt.Content.ReadAsStringAsync());

        var ok = await PostAsync(token, "A chart [of prices]");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var json = System.Text.Json.JsonDocument.Parse(await ok.Content.ReadAsStringAsync()).RootElement;
        var url = json.GetProperty("url").GetString()!;
        Assert.Matches(@"^/media/\d{4}/\d{2}/dropped-chart(-\d+)?\.png$", url);
        Assert.Equal($"![A chart (of prices)]({url}){{width=64 height=48}}", json.GetProperty("markdown").GetString());
    }

    [Fact]
    public async Task Permissions_ReadersCannotUpload_AndAContributorChangesOnlyTheirOwnFiles()
    {
        var anonymous = site.CreateReader();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/admin/media")).StatusCode);
        await Accounts.EnsureUserAsync(site, "media-member", "Member");
        var member = await Accounts.SignedInClientAsync(site, "media-member");
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/admin/media")).StatusCode);

        var editor = await EditorAsync("media7");
        await MediaSite.UploadAsync(editor, TestImages.Png(), "editors.png", "image/png", "The editor's", "perm");
        await Accounts.EnsureUserAsync(site, "media-contrib", "Contributor");
        var contributor = await Accounts.SignedInClientAsync(site, "media-contrib");
        Assert.Equal(HttpStatusCode.Redirect, (await MediaSite.UploadAsync(contributor, TestImages.Png(), "mine.png", "image/png", "Mine", "perm")).StatusCode);

        var theirs = (await FileAsync("perm/editors.png"))!;
        var mine = (await FileAsync("perm/mine.png"))!;
        Assert.Equal(HttpStatusCode.Forbidden, (await MediaSite.PostAsync(contributor, theirs.Id, "delete")).StatusCode);
        Assert.NotNull(await FileAsync("perm/editors.png"));
        Assert.Equal(HttpStatusCode.Redirect, (await MediaSite.PostAsync(contributor, mine.Id, "delete")).StatusCode);
        Assert.Null(await FileAsync("perm/mine.png"));
    }

    private static async Task<string> TextOfAsync(HttpResponseMessage response)
        => Html.Parse(await response.Content.ReadAsStringAsync()).Body!.TextContent;

    private async Task<HttpClient> EditorAsync(string name)
    {
        await Accounts.EnsureUserAsync(site, name, "Editor");
        return await Accounts.SignedInClientAsync(site, name);
    }

    private Task<MediaFile?> FileAsync(string path) => site.InScopeAsync(sp =>
        sp.GetRequiredService<CmsDbContext>().Set<MediaFile>().AsNoTracking().FirstOrDefaultAsync(f => f.Path == path));

    private Task<string> PublishPostAsync(string title, string analysis) => site.InScopeAsync(async sp =>
    {
        var contentManager = sp.GetRequiredService<IContentManager>();
        var item = TestPosts.New(contentManager, title, DateTime.UtcNow);
        item.Alter<AnalysisPart>(p => p.Markdown = analysis);
        var stored = await contentManager.PublishAsync(item);
        return "/" + stored.As<AutoroutePart>()!.Path;
    });
}
