using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using Site.Tests.Deployers;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.BlogImport;

/// <summary>
/// The admin page "Import a blog" (permission Import) with Blogger's Takeout feed.atom, and what readers see
/// afterwards: the posts at their new addresses, the old ones answering 301, the label pages sent to tag pages.
/// </summary>
public sealed class BlogImportSiteTests(RecipesSiteFactory site) : IClassFixture<RecipesSiteFactory>
{
    [Fact]
    public async Task Takeout_ThroughTheAdminPage_ImportsPostsAndThreads_AndOldAddressesRedirect()
    {
        var page = await PostAsync(ImportFixtures.Takeout, dryRun: false);

        Assert.Contains("The export is imported.", page.QuerySelector(".notice-success")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("content item created: NewsCommentary 'Bridge Tolls'", page.QuerySelector("ul.recipe-changes")!.TextContent, StringComparison.Ordinal);
        var notes = page.QuerySelector("ul.import-notes")!.TextContent;
        Assert.Contains("'Ferry Notes': imported as a plain blog post", notes, StringComparison.Ordinal);
        Assert.Contains("'Removed Post': deleted in Blogger: not imported.", notes, StringComparison.Ordinal);
        Assert.Contains("'About': a Blogger page, not a post: pages are not imported.", notes, StringComparison.Ordinal);

        var reader = site.CreateReader();
        foreach (var old in new[] { "/2021/03/bridge-tolls.html", "/2021/03/bridge-tolls.html?m=1" })
        {
            var moved = await reader.GetAsync(old);
            Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
            Assert.Equal("/2021/03/02/bridge-tolls", moved.Headers.Location!.OriginalString);
        }

        var label = await reader.GetAsync("/search/label/City");
        Assert.Equal(HttpStatusCode.MovedPermanently, label.StatusCode);
        Assert.Equal("/tags/city", label.Headers.Location!.OriginalString);
        var spaced = await reader.GetAsync("/search/label/Bridge%20Works");
        Assert.Equal(HttpStatusCode.MovedPermanently, spaced.StatusCode);
        Assert.Equal("/tags/bridge-works", spaced.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/2021/03/no-such-post.html")).StatusCode);

        var (response, post) = await Html.GetAsync(reader, "/2021/03/02/bridge-tolls");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = post.Body!.TextContent;
        Assert.Contains("City Drops Bridge Toll", text, StringComparison.Ordinal);
        Assert.Contains("The council voted to end the toll on the old bridge.", text, StringComparison.Ordinal);
        Assert.Contains("cheaper than the", text, StringComparison.Ordinal);
        Assert.NotNull(post.QuerySelector("p.source a[data-print-url='https://ledger.example.com/city/bridge-toll-dropped']"));
        Assert.Contains("Finally!", text, StringComparison.Ordinal);
        Assert.Contains("Toll Payer", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WordPress_ThroughTheAdminPage_PermalinksAndTagPagesRedirect()
    {
        var page = await PostAsync(ImportFixtures.WordPress, dryRun: false, source: "wordpress");

        Assert.Contains("The export is imported.", page.QuerySelector(".notice-success")!.TextContent, StringComparison.Ordinal);
        var reader = site.CreateReader();
        var moved = await reader.GetAsync("/2020/09/20/night-trains-return/");
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal("/2020/09/20/night-trains-return", moved.Headers.Location!.OriginalString);
        var tag = await reader.GetAsync("/category/rail/");
        Assert.Equal("/tags/rail", tag.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/2020/09/20/night-trains-return")).StatusCode);
    }

    [Fact]
    public async Task DryRun_ThroughTheAdminPage_ShowsTheChanges_AndWritesNothing()
    {
        var before = await DatabaseFingerprint.TakeAsync(site);

        var page = await PostAsync(ImportFixtures.Classic, dryRun: true);

        Assert.Contains("Dry run: nothing was written.", page.QuerySelector(".notice-success")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("content item created: NewsCommentary 'Harbour Talks'", page.QuerySelector("ul.recipe-changes")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    [Fact]
    public async Task ABadFile_ThroughTheAdminPage_IsRefusedWithItsReason_AndWritesNothing()
    {
        var before = await DatabaseFingerprint.TakeAsync(site);

        var page = await PostAsync(null, dryRun: false, content: "<feed><entry></feed>"u8.ToArray());

        Assert.Contains("nothing was written", page.QuerySelector(".notice-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("not well-formed XML", page.QuerySelector("ul.import-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    [Fact]
    public async Task TheImportPage_IsRefused_ToEditorsAndVisitors()
    {
        var editor = await site.ClientAsAsync("blog-import-editor");
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/admin/import/blog")).StatusCode);

        var visitor = await site.ClientAsAsync(null);
        var response = await visitor.GetAsync("/admin/import/blog");
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found, response.StatusCode.ToString());
        Assert.Contains("/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    /// <summary>Posts the form as a browser would: multipart, with the page's antiforgery token.</summary>
    private async Task<IDocument> PostAsync(string? fixture, bool dryRun, byte[]? content = null, string source = "blogger")
    {
        var client = await site.ClientAsAsync(SiteFactory.AdminUserName);
        var (_, form) = await Html.GetAsync(client, "/admin/import/blog");
        using var body = new MultipartFormDataContent
        {
            { new StringContent(Html.AntiforgeryToken(form)), "__RequestVerificationToken" },
            { new StringContent(source), "Source" },
            { new StringContent(dryRun ? "true" : "false"), "DryRun" },
        };
        var bytes = new ByteArrayContent(content ?? File.ReadAllBytes(ImportFixtures.Path(fixture!)));
        bytes.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        body.Add(bytes, "file", fixture ?? "export.xml");

        var response = await client.PostAsync("/admin/import/blog", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Html.Parse(await response.Content.ReadAsStringAsync());
    }
}
