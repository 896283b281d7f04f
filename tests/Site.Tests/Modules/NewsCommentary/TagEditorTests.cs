using System.Net;
using Cms.Content;
using Microsoft.Extensions.DependencyInjection;
using Modules.Contents.Models;
using Modules.NewsCommentary.Models;
using Site.Tests.Modules.Contents;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.NewsCommentary;

/// <summary>An editor tags a post through the admin's form; tags the part refuses are named and nothing is saved.</summary>
public sealed class TagEditorTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private const string NewPost = "/admin/contents/new/NewsCommentary";

    [Fact]
    public async Task Editor_TagsAPost_ThroughTheForm_AndRetagsIt()
    {
        await Accounts.EnsureUserAsync(site, "tagger", "Editor");
        var editor = await Accounts.SignedInClientAsync(site, "tagger");
        var (_, form) = await Html.GetAsync(editor, NewPost);
        var input = form.QuerySelector("input[name='TagsPart.Tags']")!;
        Assert.Equal("Tags", form.QuerySelector($"label[for='{input.Id}']")!.TextContent.Trim());
        Assert.Contains("commas", form.GetElementById(input.GetAttribute("aria-describedby")!)!.TextContent);
        var offered = form.GetElementById(input.GetAttribute("list")!)!.QuerySelectorAll("option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains("Belarus", offered);

        var fields = ContentEditorTests.PostFields("Tagged Through The Form", submit: "publish");
        fields["TagsPart.Tags"] = " Caspian Sea , ,russia, Oil Prices, RUSSIA ";
        var created = await Accounts.PostFormAsync(editor, NewPost, NewPost, fields);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var editUrl = created.Headers.Location!.OriginalString;
        var item = (await ItemAsync(editUrl.Split('/')[3]))!;
        Assert.Equal(["Caspian Sea", "russia", "Oil Prices"], item.As<TagsPart>()!.Tags);
        var path = "/" + item.As<AutoroutePart>()!.Path;
        var reader = site.CreateReader();
        var (_, page) = await Html.GetAsync(reader, path);
        Assert.Equal(["/tags/caspian-sea", "/tags/russia", "/tags/oil-prices"], page.QuerySelectorAll("a[rel=tag]").Select(a => a.GetAttribute("href")));
        Assert.Contains("Tagged Through The Form", await reader.GetStringAsync("/tags/caspian-sea"));
        var (_, editForm) = await Html.GetAsync(editor, editUrl);
        Assert.Equal("Caspian Sea, russia, Oil Prices", editForm.QuerySelector("input[name='TagsPart.Tags']")!.GetAttribute("value"));

        fields["TagsPart.Tags"] = "Oil Prices";
        fields["AutoroutePart.Path"] = item.As<AutoroutePart>()!.Path;
        await Accounts.PostFormAsync(editor, editUrl, editUrl, fields);

        Assert.Equal(["Oil Prices"], (await ItemAsync(item.ContentItemId))!.As<TagsPart>()!.Tags);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/tags/caspian-sea")).StatusCode);
        Assert.Contains("Tagged Through The Form", await reader.GetStringAsync("/tags/oil-prices"));
    }

    [Theory]
    [InlineData("Ukraine, ???", "The tag '???' needs at least one letter or digit")]
    [InlineData("Ukraine, An Extremely Long Tag Name That Goes On And On Past Fifty Characters", "The tag 'An Extremely Long Tag Name That Goes On And On Pas…' is too long")]
    [InlineData("a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11", "A post has at most 10 tags; this one has 11.")]
    public async Task RefusedTags_AreNamedBesideTheField_AndNothingIsSaved(string tags, string message)
    {
        await Accounts.EnsureUserAsync(site, "tagger2", "Editor");
        var editor = await Accounts.SignedInClientAsync(site, "tagger2");
        var fields = ContentEditorTests.PostFields("Badly Tagged", submit: "publish");
        fields["TagsPart.Tags"] = tags;
        var before = await DatabaseFingerprint.TakeAsync(site);

        var response = await Accounts.PostFormAsync(editor, NewPost, NewPost, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, page.QuerySelector("[data-valmsg-for='TagsPart.Tags']")!.TextContent);
        Assert.Equal(tags, page.QuerySelector("input[name='TagsPart.Tags']")!.GetAttribute("value"));
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    private Task<ContentItem?> ItemAsync(string id)
        => site.InScopeAsync(sp => sp.GetRequiredService<IContentManager>().GetAsync(id, VersionOptions.Latest));
}
