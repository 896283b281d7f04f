using System.Net;
using System.Text.Json;
using Cms.Content;
using Cms.Recipes;
using Microsoft.Extensions.DependencyInjection;
using Modules.Contents.Services;
using Modules.NewsCommentary.Models;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.Contents;

/// <summary>The editor asks each fact once, has author and publication date fields, autosaves drafts and compares versions.</summary>
public sealed class EditorFieldsTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private const string NewPost = "/admin/contents/new/NewsCommentary";

    [Fact]
    public async Task HeadlineAndPublication_AreAskedOnce_AndTheSourceLinkShowsThem()
    {
        var editor = await SignedInAsync("once", "Editor");
        var (_, form) = await Html.GetAsync(editor, NewPost);
        Assert.Single(form.QuerySelectorAll("input[name='QuotePart.Headline']"));
        Assert.Single(form.QuerySelectorAll("input[name='QuotePart.Attribution']"));
        Assert.Null(form.QuerySelector("[name='SourceLinkPart.Title']"));
        Assert.Null(form.QuerySelector("[name='SourceLinkPart.Publication']"));

        var fields = ContentEditorTests.PostFields("Asked Once", submit: "publish");
        fields["QuotePart.Headline"] = "Ports Reopen";
        fields["QuotePart.Attribution"] = "The Harbour Post";
        fields["SourceLinkPart.Title"] = "Ignored: the headline is the quote's";
        var id = IdOf(await Accounts.PostFormAsync(editor, NewPost, NewPost, fields));

        var item = (await ItemAsync(id))!;
        Assert.Equal("Ports Reopen", item.As<SourceLinkPart>()!.Title);
        Assert.Equal("The Harbour Post", item.As<SourceLinkPart>()!.Publication);
        var (_, page) = await Html.GetAsync(site.CreateReader(), await PathAsync(item));
        Assert.Equal("“Ports Reopen”", page.QuerySelector(".quote-headline")!.TextContent.Trim());
        Assert.Equal("Ports Reopen", page.QuerySelector("p.source a")!.TextContent.Trim());
        Assert.Equal("The Harbour Post", page.QuerySelector("p.source .publication")!.TextContent.Trim());
    }

    [Fact]
    public async Task RecipesInBothShapes_Import_TheOldShapesSourceFactsMoveToTheQuote()
    {
        var old = await ApplyAsync(Recipe("5oldshape00000000000000001", "old-shape", """{ "Text": "Passage." }""",
            """{ "Url": "https://news.example.org/a", "Title": "Old Shape Headline", "Publication": "Old Shape Times" }"""));
        var current = await ApplyAsync(Recipe("5newshape00000000000000001", "new-shape", """{ "Headline": "New Shape Headline", "Attribution": "New Shape Times", "Text": "Passage." }""",
            """{ "Url": "https://news.example.org/b" }"""));

        Assert.True(old.Succeeded, string.Join(" ", old.Errors));
        Assert.True(current.Succeeded, string.Join(" ", current.Errors));
        var oldItem = (await ItemAsync("5oldshape00000000000000001"))!;
        Assert.Equal("Old Shape Headline", oldItem.As<QuotePart>()!.Headline);
        Assert.Equal("Old Shape Times", oldItem.As<QuotePart>()!.Attribution);
        var newItem = (await ItemAsync("5newshape00000000000000001"))!;
        Assert.Equal("New Shape Headline", newItem.As<SourceLinkPart>()!.Title);
        Assert.Equal("New Shape Times", newItem.As<SourceLinkPart>()!.Publication);
    }

    [Fact]
    public async Task Author_DefaultsToTheUser_AnEditorChangesIt_AnAuthorCannot()
    {
        var editor = await SignedInAsync("bylineeditor", "Editor");
        var author = await SignedInAsync("bylineauthor", "Author");
        var (_, editorForm) = await Html.GetAsync(editor, NewPost);
        var (_, authorForm) = await Html.GetAsync(author, NewPost);
        Assert.Equal("bylineeditor", editorForm.QuerySelector("input[name='Publishing.Author']")!.GetAttribute("value"));
        Assert.False(editorForm.QuerySelector("input[name='Publishing.Author']")!.HasAttribute("readonly"));
        Assert.True(authorForm.QuerySelector("input[name='Publishing.Author']")!.HasAttribute("readonly"));

        var byEditor = ContentEditorTests.PostFields("Guest Byline", submit: "save");
        byEditor["Publishing.Author"] = "A Guest Writer";
        var byAuthor = ContentEditorTests.PostFields("Own Byline", submit: "save");
        byAuthor["Publishing.Author"] = "Somebody Else";
        var editorItem = (await ItemAsync(IdOf(await Accounts.PostFormAsync(editor, NewPost, NewPost, byEditor))))!;
        var authorItem = (await ItemAsync(IdOf(await Accounts.PostFormAsync(author, NewPost, NewPost, byAuthor))))!;

        Assert.Equal("A Guest Writer", editorItem.Author);
        Assert.Equal("bylineauthor", authorItem.Author);
    }

    [Fact]
    public async Task PublicationDate_IsTheDateReadersSee_AndBadDatesAreRefusedWithNothingStored()
    {
        var editor = await SignedInAsync("dater", "Editor");
        var fields = ContentEditorTests.PostFields("Backdated", submit: "publish");
        fields["Publishing.PublishedLocal"] = "2021-04-05T08:30";
        var item = (await ItemAsync(IdOf(await Accounts.PostFormAsync(editor, NewPost, NewPost, fields))))!;
        Assert.Equal(new DateTime(2021, 4, 5, 8, 30, 0, DateTimeKind.Utc), item.PublishedUtc);
        var (_, page) = await Html.GetAsync(site.CreateReader(), await PathAsync(item));
        Assert.Equal("2021-04-05T08:30:00Z", page.QuerySelector("p.byline time")!.GetAttribute("datetime"));

        var before = await DatabaseFingerprint.TakeAsync(site);
        foreach (var (value, message) in new[] { ("2999-01-01T00:00", "cannot be in the future"), ("not a date", "must be a date and time") })
        {
            var bad = ContentEditorTests.PostFields("Bad Date", submit: "publish");
            bad["Publishing.PublishedLocal"] = value;
            bad["Publishing.Author"] = "";
            var response = await Accounts.PostFormAsync(editor, NewPost, NewPost, bad);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var form = Html.Parse(await response.Content.ReadAsStringAsync());
            Assert.Contains(message, form.QuerySelector("[data-valmsg-for='Publishing.PublishedLocal']")!.TextContent);
            Assert.Contains("author is required", form.QuerySelector("[data-valmsg-for='Publishing.Author']")!.TextContent);
        }

        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    [Fact]
    public async Task Autosave_UpdatesOneDraftInPlace_AndRefusesAnInvalidFormWithoutStoringIt()
    {
        var editor = await SignedInAsync("autosaver", "Editor");
        var id = IdOf(await Accounts.PostFormAsync(editor, NewPost, NewPost, ContentEditorTests.PostFields("Autosaved", submit: "publish")));
        var edit = $"/admin/contents/{id}/edit";
        var versionsBefore = (await VersionsAsync(id)).Count;

        var fields = ContentEditorTests.PostFields("Autosaved", submit: "autosave");
        fields["AnalysisPart.Markdown"] = "First autosaved words.";
        var first = await Accounts.PostFormAsync(editor, edit, edit, fields);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var answer = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        Assert.True(answer.RootElement.GetProperty("saved").GetBoolean());
        var (_, form) = await Html.GetAsync(editor, edit);
        fields["AnalysisPart.Markdown"] = "Second autosaved words.";
        fields["EditedVersion"] = answer.RootElement.GetProperty("editedVersion").GetString()!;
        fields["__RequestVerificationToken"] = Html.AntiforgeryToken(form);
        var second = await editor.PostAsync(edit, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);

        var versions = await VersionsAsync(id);
        Assert.Equal(versionsBefore + 1, versions.Count);
        Assert.Equal("Second autosaved words.", versions.Single(v => v.Latest).As<AnalysisPart>()!.Markdown);
        Assert.Contains(versions, v => v.Published && v.As<AnalysisPart>()!.Markdown == "Analysis of Autosaved.");

        var before = await DatabaseFingerprint.TakeAsync(site);
        var invalid = ContentEditorTests.PostFields("Autosaved", submit: "autosave");
        invalid["QuotePart.Text"] = "";
        var refused = await Accounts.PostFormAsync(editor, edit, edit, invalid);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Not saved automatically", await refused.Content.ReadAsStringAsync());
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    [Fact]
    public async Task History_ComparesAnyTwoVersionsSideBySide()
    {
        var editor = await SignedInAsync("differ", "Editor");
        var id = IdOf(await Accounts.PostFormAsync(editor, NewPost, NewPost, ContentEditorTests.PostFields("Compared", submit: "publish")));
        var edit = $"/admin/contents/{id}/edit";
        var fields = ContentEditorTests.PostFields("Compared", submit: "publish");
        fields["AnalysisPart.Markdown"] = "A sharper analysis.";
        await Accounts.PostFormAsync(editor, edit, edit, fields);
        var (_, history) = await Html.GetAsync(editor, $"/admin/contents/{id}/history");
        var from = history.QuerySelector("input[name=from][checked]")!.GetAttribute("value");
        var to = history.QuerySelector("input[name=to][checked]")!.GetAttribute("value");
        Assert.NotEqual(from, to);

        var (response, diff) = await Html.GetAsync(editor, $"/admin/contents/{id}/diff?from={from}&to={to}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(diff.QuerySelectorAll("table.diff td.diff-changed, table.diff td.diff-removed"), td => td.TextContent.Contains("Analysis of Compared."));
        Assert.Contains(diff.QuerySelectorAll("table.diff td.diff-changed, table.diff td.diff-added"), td => td.TextContent.Contains("A sharper analysis."));
        Assert.Contains(diff.QuerySelectorAll("table.diff td.diff-same"), td => td.TextContent.Contains("The quoted passage about Compared."));
        var (bad, badPage) = await Html.GetAsync(editor, $"/admin/contents/{id}/diff?from={from}&to=nosuchversion");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Choose two versions", badPage.QuerySelector(".validation-summary-errors")!.TextContent);
        var reader = await SignedInAsync("diffmember", "Member");
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync($"/admin/contents/{id}/diff?from={from}&to={to}")).StatusCode);
    }

    [Fact]
    public async Task TypeNames_AreShownWithSpaces_AndNewHasOneWording()
    {
        var editor = await SignedInAsync("names", "Editor");
        await Accounts.PostFormAsync(editor, NewPost, NewPost, ContentEditorTests.PostFields("Named Type", submit: "save"));

        var (_, list) = await Html.GetAsync(editor, "/admin/contents");
        var (_, dashboard) = await Html.GetAsync(editor, "/admin");
        var (_, form) = await Html.GetAsync(editor, NewPost);

        Assert.DoesNotContain(list.QuerySelectorAll("table.list td"), td => td.TextContent.Trim() == "NewsCommentary");
        Assert.Contains(list.QuerySelectorAll("table.list td"), td => td.TextContent.Trim() == "News Commentary");
        string NewButton(AngleSharp.Dom.IDocument page) => page.QuerySelector($"a[href='{NewPost}']")!.TextContent.Trim();
        Assert.Equal("New News Commentary", NewButton(list));
        Assert.Equal("New News Commentary", NewButton(dashboard));
        Assert.Equal("New News Commentary", form.QuerySelector("h1")!.TextContent.Trim());
    }

    private async Task<HttpClient> SignedInAsync(string name, string role)
    {
        await Accounts.EnsureUserAsync(site, name, role);
        return await Accounts.SignedInClientAsync(site, name);
    }

    private static string IdOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString.Split('/')[3];
    }

    private Task<ContentItem?> ItemAsync(string id)
        => site.InScopeAsync(sp => sp.GetRequiredService<IContentManager>().GetAsync(id, VersionOptions.Latest));

    private Task<IReadOnlyList<ContentItem>> VersionsAsync(string id)
        => site.InScopeAsync(sp => sp.GetRequiredService<IContentManager>().GetVersionsAsync(id));

    private Task<string> PathAsync(ContentItem item)
        => site.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<IAutorouteEntries>().PathOf(item)!));

    private Task<RecipeResult> ApplyAsync(string recipe)
        => site.InScopeAsync(sp => sp.GetRequiredService<IRecipeExecutor>().ExecuteAsync(recipe));

    private static string Recipe(string id, string slug, string quote, string source) => $$"""
        {
          "name": "Shapes",
          "steps": [ { "name": "content", "Data": [ {
            "ContentItemId": "{{id}}", "ContentType": "NewsCommentary", "DisplayText": "{{slug}}",
            "Latest": true, "Published": true, "PublishedUtc": "2024-09-01T10:00:00Z",
            "TitlePart": { "Title": "{{slug}}" }, "AutoroutePart": { "Path": "2024/09/01/{{slug}}" },
            "QuotePart": {{quote}}, "AnalysisPart": { "Markdown": "Analysis." }, "SourceLinkPart": {{source}}
          } ] } ]
        }
        """;
}
