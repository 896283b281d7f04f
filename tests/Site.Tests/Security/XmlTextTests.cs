using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Cms.Content;
using Cms.Data;
using Cms.Recipes;
using Microsoft.Extensions.DependencyInjection;
using Modules.Comments.Models;
using Modules.NewsCommentary.Models;
using Site.Tests.Modules.Contents;
using Site.Tests.Modules.Comments;
using Site.Tests.Infrastructure;
using static Site.Tests.Modules.Comments.CommentPages;

namespace Site.Tests.Security;

/// <summary>A site with comments and the Page type (MarkdownBodyPart), so every part's text can be typed.</summary>
public sealed class XmlTextSite : SiteFactory, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        foreach (var recipe in new[] { "MemberOnlyComments", "Pages" })
        {
            var result = await CommentsSite.ApplyRecipeAsync(this, recipe);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        }

        await InScopeAsync(sp => sp.GetRequiredService<Cms.Settings.ISiteService>().UpdateAsync(s =>
            s.SetSection(global::Modules.Comments.Settings.CommentSettings.SectionName, new global::Modules.Comments.Settings.CommentSettings { Moderation = "None", RateLimitSeconds = 0 })));
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

/// <summary>
/// Issue 10, point 3: text XML cannot carry (here U+0007, the bell) is refused with a message where it is
/// typed (every text field of every part in the editor, every text of a recipe, the comment form), and the
/// feeds never answer 500 because of content, even content stored before this check existed.
/// </summary>
public sealed class XmlTextTests(XmlTextSite site) : IClassFixture<XmlTextSite>
{
    private const string Bell = "\u0007";

    public static readonly TheoryData<string, string> EditorFields = new()
    {
        { "NewsCommentary", "TitlePart.Title" },
        { "NewsCommentary", "AutoroutePart.Path" },
        { "NewsCommentary", "QuotePart.Headline" },
        { "NewsCommentary", "QuotePart.Text" },
        { "NewsCommentary", "QuotePart.Attribution" },
        { "NewsCommentary", "AnalysisPart.Markdown" },
        { "NewsCommentary", "SourceLinkPart.Url" },
        { "NewsCommentary", "SourceLinkPart.ArchiveUrl" },
        { "NewsCommentary", "TagsPart.Tags" },
        { "Page", "TitlePart.Title" },
        { "Page", "AutoroutePart.Path" },
        { "Page", "MarkdownBodyPart.Markdown" },
    };

    public static readonly TheoryData<string, string> RecipeTexts = new()
    {
        { "NewsCommentary", "DisplayText" },
        { "NewsCommentary", "Author" },
        { "NewsCommentary", "TitlePart.Title" },
        { "NewsCommentary", "AutoroutePart.Path" },
        { "NewsCommentary", "QuotePart.Headline" },
        { "NewsCommentary", "QuotePart.Text" },
        { "NewsCommentary", "QuotePart.Attribution" },
        { "NewsCommentary", "AnalysisPart.Markdown" },
        { "NewsCommentary", "SourceLinkPart.Url" },
        { "NewsCommentary", "SourceLinkPart.Title" },
        { "NewsCommentary", "SourceLinkPart.Publication" },
        { "NewsCommentary", "SourceLinkPart.ArchiveUrl" },
        { "NewsCommentary", "TagsPart.Tags[0]" },
        { "Page", "TitlePart.Title" },
        { "Page", "AutoroutePart.Path" },
        { "Page", "MarkdownBodyPart.Markdown" },
    };

    [Theory]
    [MemberData(nameof(EditorFields))]
    public async Task Editor_RefusesTextXmlCannotCarry_BesideTheField_AndStoresNothing(string type, string field)
    {
        var editor = await SignedInAsync(site, "xmleditor", "Editor");
        var fields = type == "Page" ? PageFields() : ContentEditorTests.PostFields("Bell test", submit: "publish");
        fields["TagsPart.Tags"] = "Bells";
        fields[field] = field.EndsWith("Url", StringComparison.Ordinal) ? $"https://news.example.org/a{Bell}b" : $"Bell{Bell} text";
        var before = await DatabaseFingerprint.TakeAsync(site);

        var response = await Accounts.PostFormAsync(editor, $"/admin/contents/new/{type}", $"/admin/contents/new/{type}", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = (await DocumentAsync(response)).QuerySelector($"[data-valmsg-for='{field}']")!.TextContent.Trim();
        Assert.NotEqual("", error);
        if (field is not ("AutoroutePart.Path" or "SourceLinkPart.Url" or "SourceLinkPart.ArchiveUrl"))
        {
            Assert.EndsWith("contains U+0007 (a control character) at position 5, which web feeds cannot carry: remove it.", error, StringComparison.Ordinal);
        }

        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    [Theory]
    [MemberData(nameof(RecipeTexts))]
    public async Task Recipe_RefusesTextXmlCannotCarry_NamingTheStepAndPath_AndStoresNothing(string type, string path)
    {
        var item = JsonNode.Parse(type == "Page" ? PageJson() : ItemJson())!.AsObject();
        Set(item, path, path.EndsWith("Url", StringComparison.Ordinal) ? $"https://news.example.org/a{Bell}b" : $"Bell{Bell} text");
        var recipe = new JsonObject { ["name"] = "bell", ["steps"] = new JsonArray(new JsonObject { ["name"] = "content", ["Data"] = new JsonArray(item) }) };
        var before = await DatabaseFingerprint.TakeAsync(site);

        var result = await site.InScopeAsync(sp => sp.GetRequiredService<IRecipeExecutor>().ExecuteAsync(recipe.ToJsonString()));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.StepIndex == 0 && e.Path == $"steps[0].Data[0].{path}" && e.Message.Contains("U+0007", StringComparison.Ordinal));
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    [Fact]
    public async Task Recipe_RefusesTextXmlCannotCarry_InSettingsAndRoles_AndInValuesItReadsFromVariables()
    {
        var recipe = """
            { "name": "bell", "variables": { "name": "Bell\u0007 site" }, "steps": [
              { "name": "settings", "SiteName": "[js: variables('name')]", "SiteDescription": "Ring\u0007" },
              { "name": "Roles", "Roles": [ { "Name": "Ringers", "Description": "Ring\u0007", "Permissions": [] } ] } ] }
            """;

        var result = await site.InScopeAsync(sp => sp.GetRequiredService<IRecipeExecutor>().ValidateAsync(recipe));

        Assert.Equal(["steps[0].SiteName", "steps[0].SiteDescription", "steps[1].Roles[0].Description"], result.Errors.Select(e => e.Path));
    }

    [Fact]
    public async Task CommentForm_RefusesTextXmlCannotCarry_WithAMessage_AndStoresNothing()
    {
        var post = await NewPostAsync(site);
        var (member, _) = await NamedMemberAsync(site);
        var comment = await CommentOkAsync(site, member, post, "A fine comment.");
        var before = await DatabaseFingerprint.TakeAsync(site);

        var posted = await CommentAsync(member, post, $"Bell{Bell} comment");
        var edited = await SubmitAsync(member, $"/comments/{comment.Id}/edit", $"/comments/{comment.Id}/edit", ("Text", $"Bell{Bell} edit"));

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Equal("The comment contains U+0007 (a control character) at position 5, which web feeds cannot carry: remove it.",
            (await DocumentAsync(posted)).QuerySelector("[data-valmsg-for=Text]")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.BadRequest, edited.StatusCode);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    /// <summary>
    /// A NUL makes ASP.NET Core's form reader give up on the whole form, route values included: the comment
    /// used to be answered 404 "no published post" (found by CommentMarkdownFaultTests, seed f7wcPkJygla3).
    /// </summary>
    [Fact]
    public async Task Forms_HoldingANul_AreRefusedAsUnreadable_With400_AndStoreNothing()
    {
        var post = await NewPostAsync(site);
        var (member, _) = await NamedMemberAsync(site);
        var comment = await CommentOkAsync(site, member, post, "A fine comment.");
        var before = await DatabaseFingerprint.TakeAsync(site);

        var posted = await CommentAsync(member, post, "A\0comment");
        var edited = await SubmitAsync(member, $"/comments/{comment.Id}/edit", $"/comments/{comment.Id}/edit", ("Text", "A\0edit"));

        foreach (var response in new[] { posted, edited })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("could not be read: a field holds a NUL character (U+0000)", (await DocumentAsync(response)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    [Fact]
    public async Task Feeds_AnswerWellFormedXml_ForTextStoredBeforeTheCheck()
    {
        // Written past the checks, as a site made by an older build may hold it.
        var post = await site.InScopeAsync(async sp =>
        {
            var contentManager = sp.GetRequiredService<IContentManager>();
            var item = TestPosts.New(contentManager, $"Old{Bell} bell", DateTime.UtcNow);
            item.Alter<QuotePart>(p => p.Headline = $"Head{Bell}line");
            item.Alter<TagsPart>(p => p.Tags = [$"Old{Bell}bells"]);
            item = await contentManager.PublishAsync(item);
            var db = sp.GetRequiredService<CmsDbContext>();
            db.Set<Comment>().Add(new Comment { ContentItemId = item.ContentItemId, AuthorId = "x", AuthorName = "old", Markdown = $"Old{Bell} comment", Status = CommentStatus.Approved, CreatedUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return item;
        });
        var reader = site.CreateReader();

        foreach (var path in new[] { "/rss.xml", "/atom.xml", "/tags/old-bells/rss.xml", "/tags/old-bells/atom.xml", $"/comments/{post.ContentItemId}/rss.xml", "/sitemap.xml" })
        {
            var response = await reader.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
            var xml = await response.Content.ReadAsStringAsync();
            XDocument.Parse(xml);
            Assert.DoesNotContain(Bell, xml, StringComparison.Ordinal);
            if (!path.StartsWith("/sitemap", StringComparison.Ordinal))
            {
                Assert.Contains("Old bell", xml, StringComparison.Ordinal);
            }
        }
    }

    private static Dictionary<string, string> PageFields() => new()
    {
        ["TitlePart.Title"] = "About",
        ["AutoroutePart.Path"] = "",
        ["MarkdownBodyPart.Markdown"] = "About us.",
        ["submit"] = "publish",
    };

    private static string ItemJson() => $$"""
        { "ContentItemId": "{{IdGenerator.NewId()}}", "ContentType": "NewsCommentary", "DisplayText": "Bell post", "Author": "admin",
          "TitlePart": { "Title": "Bell post" }, "AutoroutePart": { "Path": "bell-post" },
          "QuotePart": { "Headline": "Head", "Text": "Quote.", "Attribution": "Paper" },
          "AnalysisPart": { "Markdown": "Analysis." },
          "SourceLinkPart": { "Url": "https://news.example.org/x", "Title": "T", "Publication": "P", "ArchiveUrl": "https://archive.example.org/x" },
          "TagsPart": { "Tags": [ "Bells" ] } }
        """;

    private static string PageJson() => $$"""
        { "ContentItemId": "{{IdGenerator.NewId()}}", "ContentType": "Page", "DisplayText": "About", "Author": "admin",
          "TitlePart": { "Title": "About" }, "AutoroutePart": { "Path": "about-bells" }, "MarkdownBodyPart": { "Markdown": "About us." } }
        """;

    /// <summary>Sets the text at a path such as "QuotePart.Headline" or "TagsPart.Tags[0]".</summary>
    private static void Set(JsonObject item, string path, string value)
    {
        var parts = path.Split('.');
        JsonNode parent = item;
        foreach (var part in parts[..^1])
        {
            parent = parent[part]!;
        }

        var last = parts[^1];
        if (last.EndsWith("[0]", StringComparison.Ordinal))
        {
            parent[last[..^3]]![0] = value;
        }
        else
        {
            parent[last] = value;
        }
    }
}
