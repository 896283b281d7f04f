using System.Net;
using Cms.Content;
using Microsoft.Extensions.DependencyInjection;
using Modules.Contents.Models;
using Modules.NewsCommentary.Models;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.Contents;

/// <summary>An editor writes, previews, publishes and revises a post through the admin's forms.</summary>
public sealed class ContentEditorTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private const string NewPost = "/admin/contents/new/NewsCommentary";

    [Fact]
    public async Task Editor_SavesDraft_Previews_AndPublishes()
    {
        await Accounts.EnsureUserAsync(site, "ed", "Editor");
        var editor = await Accounts.SignedInClientAsync(site, "ed");

        var saved = await Accounts.PostFormAsync(editor, NewPost, NewPost, PostFields("Minsk Talks", submit: "save"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var editUrl = saved.Headers.Location!.OriginalString;
        var id = editUrl.Split('/')[3];
        var draft = (await site.InScopeAsync(sp => sp.GetRequiredService<IContentManager>().GetAsync(id, VersionOptions.Latest)))!;
        Assert.False(draft.Published);
        Assert.Equal("ed", draft.Author);
        var path = "/" + draft.As<AutoroutePart>()!.Path;
        Assert.Matches(@"^/\d{4}/\d{2}/\d{2}/minsk-talks$", path);
        var reader = site.CreateReader();
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(path)).StatusCode);

        var (preview, previewPage) = await Html.GetAsync(editor, $"/preview/{id}");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.NotNull(previewPage.QuerySelector(".preview-banner"));
        Assert.Contains("The quoted passage about Minsk Talks.", previewPage.QuerySelector("blockquote")!.TextContent);

        var published = await Accounts.PostFormAsync(editor, editUrl, $"/admin/contents/{id}/publish", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var (_, page) = await Html.GetAsync(reader, path);
        Assert.Equal("Minsk Talks", page.QuerySelector("h1.title")!.TextContent.Trim());
        var (_, home) = await Html.GetAsync(reader, "/");
        Assert.Contains(home.QuerySelectorAll("article .title a"), a => a.TextContent.Trim() == "Minsk Talks");
    }

    [Fact]
    public async Task InvalidPost_ShowsMessagesBesideFields_AndSavesNothing()
    {
        await Accounts.EnsureUserAsync(site, "ed2", "Editor");
        var editor = await Accounts.SignedInClientAsync(site, "ed2");
        var fields = PostFields("Bad Post", submit: "publish");
        fields["QuotePart.Text"] = "";
        fields["AnalysisPart.Markdown"] = " ";
        fields["SourceLinkPart.Url"] = "javascript:alert(1)";
        fields["SourceLinkPart.ArchiveUrl"] = "/relative";
        var before = await DatabaseFingerprint.TakeAsync(site);

        var response = await Accounts.PostFormAsync(editor, NewPost, NewPost, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        string ErrorFor(string field) => page.QuerySelector($"[data-valmsg-for='{field}']")!.TextContent;
        Assert.Contains("quoted passage is required", ErrorFor("QuotePart.Text"));
        Assert.Contains("analysis is required", ErrorFor("AnalysisPart.Markdown"));
        Assert.Contains("source URL must be an absolute http", ErrorFor("SourceLinkPart.Url"));
        Assert.Contains("archive URL", ErrorFor("SourceLinkPart.ArchiveUrl"));
        Assert.Equal("Bad Post", page.QuerySelector("input[name='TitlePart.Title']")!.GetAttribute("value"));
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    [Fact]
    public async Task PathClash_IsAValidationMessage()
    {
        await Accounts.EnsureUserAsync(site, "ed3", "Editor");
        var editor = await Accounts.SignedInClientAsync(site, "ed3");
        var fields = PostFields("Clashing", submit: "save");
        fields["AutoroutePart.Path"] = "2020/09/11/sochi-meeting";

        var response = await Accounts.PostFormAsync(editor, NewPost, NewPost, fields);

        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("already uses the path", page.QuerySelector("[data-valmsg-for='AutoroutePart.Path']")!.TextContent);
    }

    [Fact]
    public async Task EditingPublishedPost_ChangesPublicPageOnlyOnPublish()
    {
        await Accounts.EnsureUserAsync(site, "ed4", "Editor");
        var editor = await Accounts.SignedInClientAsync(site, "ed4");
        var created = await Accounts.PostFormAsync(editor, NewPost, NewPost, PostFields("Revised Post", submit: "publish"));
        var editUrl = created.Headers.Location!.OriginalString;
        var reader = site.CreateReader();
        var path = "/" + (await ItemAsync(editUrl.Split('/')[3]))!.As<AutoroutePart>()!.Path;
        Assert.Contains("Analysis of Revised Post.", await reader.GetStringAsync(path));

        var revised = PostFields("Revised Post", submit: "save");
        revised["AnalysisPart.Markdown"] = "A second opinion.";
        revised["AutoroutePart.Path"] = path.TrimStart('/');
        await Accounts.PostFormAsync(editor, editUrl, editUrl, revised);
        Assert.Contains("Analysis of Revised Post.", await reader.GetStringAsync(path));

        revised["submit"] = "publish";
        await Accounts.PostFormAsync(editor, editUrl, editUrl, revised);
        Assert.Contains("A second opinion.", await reader.GetStringAsync(path));
    }

    [Fact]
    public async Task UnpublishDiscardCloneHistoryRestoreAndDelete_Work()
    {
        await Accounts.EnsureUserAsync(site, "ed5", "Editor");
        var editor = await Accounts.SignedInClientAsync(site, "ed5");
        var created = await Accounts.PostFormAsync(editor, NewPost, NewPost, PostFields("Lifecycle", submit: "publish"));
        var editUrl = created.Headers.Location!.OriginalString;
        var id = editUrl.Split('/')[3];
        var draft = PostFields("Lifecycle", submit: "save");
        draft["AnalysisPart.Markdown"] = "Draft analysis.";
        draft["AutoroutePart.Path"] = (await ItemAsync(id))!.As<AutoroutePart>()!.Path;
        await Accounts.PostFormAsync(editor, editUrl, editUrl, draft);

        var discarded = await Accounts.PostFormAsync(editor, editUrl, $"/admin/contents/{id}/discard", new Dictionary<string, string>());
        var (_, afterDiscard) = await Html.GetAsync(editor, discarded.Headers.Location!.OriginalString);
        Assert.Contains("discarded", afterDiscard.QuerySelector(".notice")?.TextContent ?? "(no notice)");
        Assert.Equal("Analysis of Lifecycle.", (await ItemAsync(id))!.As<AnalysisPart>()!.Markdown);

        await Accounts.PostFormAsync(editor, editUrl, $"/admin/contents/{id}/unpublish", new Dictionary<string, string>());
        Assert.Null(await site.InScopeAsync(sp => sp.GetRequiredService<IContentManager>().GetAsync(id)));

        var (history, historyPage) = await Html.GetAsync(editor, $"/admin/contents/{id}/history");
        Assert.Equal(HttpStatusCode.OK, history.StatusCode);
        // The discarded draft is kept as history (the type is Versionable) and can be brought back.
        var restoreForm = historyPage.QuerySelector("form[action*='/restore/']")!;
        await Accounts.PostFormAsync(editor, editUrl, restoreForm.GetAttribute("action")!, new Dictionary<string, string>());
        Assert.Equal("Draft analysis.", (await ItemAsync(id))!.As<AnalysisPart>()!.Markdown);

        var cloned = await Accounts.PostFormAsync(editor, editUrl, $"/admin/contents/{id}/clone", new Dictionary<string, string>());
        var cloneId = cloned.Headers.Location!.OriginalString.Split('/')[3];
        var clone = (await ItemAsync(cloneId))!;
        Assert.NotEqual(id, cloneId);
        Assert.Equal("Copy of Lifecycle", clone.DisplayText);
        Assert.False(clone.Published);

        await Accounts.PostFormAsync(editor, editUrl, $"/admin/contents/{id}/delete", new Dictionary<string, string>());
        Assert.Null(await ItemAsync(id));
    }

    [Fact]
    public async Task ContentList_FiltersSearchesSortsAndPages()
    {
        await Accounts.EnsureUserAsync(site, "ed6", "Editor");
        var editor = await Accounts.SignedInClientAsync(site, "ed6");
        await site.InScopeAsync(async sp =>
        {
            var cm = sp.GetRequiredService<IContentManager>();
            for (var i = 1; i <= 22; i++)
            {
                var item = TestPosts.New(cm, $"Listed {i:00}");
                item.Author = "lister";
                await (i % 2 == 0 ? cm.PublishAsync(item) : cm.SaveDraftAsync(item));
            }
        });

        var (_, byOwner) = await Html.GetAsync(editor, "/admin/contents?owner=lister&sort=title");
        var titles = byOwner.QuerySelectorAll("table.list tbody tr td:first-child > a:first-child").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(20, titles.Count);
        Assert.Equal("Listed 01", titles[0]);
        Assert.NotNull(byOwner.QuerySelector("a[rel=next]"));
        var (_, second) = await Html.GetAsync(editor, "/admin/contents?owner=lister&sort=title&page=2");
        Assert.Equal(2, second.QuerySelectorAll("table.list tbody tr").Length);
        var (_, drafts) = await Html.GetAsync(editor, "/admin/contents?owner=lister&status=draft");
        Assert.Equal(11, drafts.QuerySelectorAll("table.list tbody tr").Length);
        var (_, search) = await Html.GetAsync(editor, "/admin/contents?q=LISTED%2007");
        Assert.Equal("Listed 07", search.QuerySelector("table.list tbody td a")!.TextContent.Trim());
    }

    [Fact]
    public async Task MarkdownPreview_IsRenderedAndSanitisedOnTheServer()
    {
        await Accounts.EnsureUserAsync(site, "ed7", "Editor");
        var editor = await Accounts.SignedInClientAsync(site, "ed7");
        var (_, form) = await Html.GetAsync(editor, NewPost);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/markdown/preview")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = "## Sub\n\n**bold** <script>alert(1)</script> [x](javascript:alert(1))" }),
        };
        request.Headers.Add("X-CSRF-TOKEN", Html.AntiforgeryToken(form));

        var response = await editor.SendAsync(request);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h3", html);
        Assert.Contains("<strong>bold</strong>", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("javascript:", html);
    }

    [Fact]
    public async Task SecondEditorSavingTheSameItem_GetsAConflict_NotASilentOverwrite()
    {
        await Accounts.EnsureUserAsync(site, "first-editor", "Editor");
        await Accounts.EnsureUserAsync(site, "second-editor", "Editor");
        var first = await Accounts.SignedInClientAsync(site, "first-editor");
        var second = await Accounts.SignedInClientAsync(site, "second-editor");
        var created = await Accounts.PostFormAsync(first, NewPost, NewPost, PostFields("Contested", submit: "publish"));
        var editUrl = created.Headers.Location!.OriginalString;
        var id = editUrl.Split('/')[3];
        var path = (await ItemAsync(id))!.As<AutoroutePart>()!.Path;
        var (_, firstForm) = await Html.GetAsync(first, editUrl);
        var (_, secondForm) = await Html.GetAsync(second, editUrl);

        var firstSave = await Post(first, firstForm, editUrl, "The first editor's analysis.");
        var before = await DatabaseFingerprint.TakeAsync(site);
        var secondSave = await Post(second, secondForm, editUrl, "The second editor's analysis.");

        Assert.Equal(HttpStatusCode.Redirect, firstSave.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, secondSave.StatusCode);
        var page = Html.Parse(await secondSave.Content.ReadAsStringAsync());
        Assert.Contains("was changed by someone else", page.QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.Equal("The second editor's analysis.", page.QuerySelector("textarea[name='AnalysisPart.Markdown']")!.TextContent.Trim());
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
        Assert.Equal("The first editor's analysis.", (await ItemAsync(id))!.As<AnalysisPart>()!.Markdown);

        async Task<HttpResponseMessage> Post(HttpClient client, AngleSharp.Dom.IDocument form, string url, string analysis)
        {
            var fields = PostFields("Contested", submit: "save");
            fields["AnalysisPart.Markdown"] = analysis;
            fields["AutoroutePart.Path"] = path;
            fields["__RequestVerificationToken"] = Html.AntiforgeryToken(form);
            fields["EditedVersion"] = form.QuerySelector("input[name=EditedVersion]")!.GetAttribute("value")!;
            return await client.PostAsync(url, new FormUrlEncodedContent(fields));
        }
    }

    public static Dictionary<string, string> PostFields(string title, string submit) => new()
    {
        ["TitlePart.Title"] = title,
        ["AutoroutePart.Path"] = "",
        ["QuotePart.Attribution"] = "The Test Gazette",
        ["QuotePart.Headline"] = $"Headline about {title}",
        ["QuotePart.Text"] = $"The quoted passage about {title}.\n\n## A subhead\n\nMore of it.",
        ["AnalysisPart.Markdown"] = $"Analysis of {title}.",
        ["SourceLinkPart.Url"] = "https://news.example.org/" + Guid.NewGuid().ToString("N"),
        ["SourceLinkPart.Title"] = $"Headline about {title}",
        ["SourceLinkPart.Publication"] = "The Test Gazette",
        ["SourceLinkPart.PublishedUtc"] = "2024-05-01",
        ["SourceLinkPart.ArchiveUrl"] = "",
        ["submit"] = submit,
    };

    private Task<ContentItem?> ItemAsync(string id)
        => site.InScopeAsync(sp => sp.GetRequiredService<IContentManager>().GetAsync(id, VersionOptions.Latest));
}
