using System.Net;
using System.Net.Http.Headers;
using Site.Tests.Deployers;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.BlogImport;

/// <summary>
/// WordPress's plain addresses, "/?p=ID", of every imported published post answer 301 to the post's new address;
/// an id the blog did not have is 404, never the (cached) home page.
/// </summary>
public sealed class WordPressPlainAddressTests(RecipesSiteFactory site) : IClassFixture<RecipesSiteFactory>
{
    [Fact]
    public async Task PlainAddresses_OfImportedPosts_Redirect_AndUnknownIdsAre404()
    {
        var admin = await site.ClientAsAsync(SiteFactory.AdminUserName);
        var (_, form) = await Html.GetAsync(admin, "/admin/import/blog");
        using var body = new MultipartFormDataContent
        {
            { new StringContent(Html.AntiforgeryToken(form)), "__RequestVerificationToken" },
            { new StringContent("wordpress"), "Source" },
            { new StringContent("false"), "DryRun" },
        };
        var bytes = new ByteArrayContent(File.ReadAllBytes(ImportFixtures.Path(ImportFixtures.WordPress)));
        bytes.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        body.Add(bytes, "file", ImportFixtures.WordPress);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/admin/import/blog", body)).StatusCode);
        var reader = site.CreateReader();
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/")).StatusCode); // the home page, now cached

        foreach (var (old, now) in new[] { ("/?p=12", "/2020/09/14/harbour-talks"), ("/?p=14", "/2020/09/20/night-trains-return"), ("/?p=12&utm_source=feed", "/2020/09/14/harbour-talks") })
        {
            var moved = await reader.GetAsync(old);
            Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
            Assert.Equal(now, moved.Headers.Location!.OriginalString);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/?p=99999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/?page_id=2")).StatusCode);
    }
}
