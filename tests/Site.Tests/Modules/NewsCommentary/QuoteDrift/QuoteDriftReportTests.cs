using System.Net;
using Cms.Content;
using Microsoft.Extensions.DependencyInjection;
using Modules.NewsCommentary.Models;
using Site.Tests.Infrastructure;
using Site.Tests.Modules.NewsCommentary.LinkHealth;

namespace Site.Tests.Modules.NewsCommentary.QuoteDrift;

/// <summary>Issue 16, point 2: the report's "changed" filter, acknowledging a drift, and updating the quote as a new version.</summary>
public sealed class QuoteDriftReportTests(QuoteDriftSite site) : IClassFixture<QuoteDriftSite>
{
    private const string Changed = "/admin/source-links?filter=changed";

    [Fact]
    public async Task TheChangedFilter_ShowsTheMissingSentence_AndAWordDiffWithThePage()
    {
        var post = await DriftedAsync();
        var (response, page) = await Html.GetAsync(await EditorAsync(), Changed);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = page.QuerySelector($"#drift-{post.Id}")!;
        Assert.Contains("\"There will be no new election,\" he told reporters - in Minsk.", entry.QuerySelector(".missing-sentence")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["will", "no", "-"], entry.QuerySelectorAll(".diff del").Select(d => d.TextContent));
        var added = entry.QuerySelectorAll(".diff ins").Select(d => d.TextContent).ToList();
        Assert.Contains("may", added);
        Assert.Contains("next", added);
        Assert.Equal(QuoteDriftSite.Reworded.Replace("\"", "", StringComparison.Ordinal), entry.QuerySelector(".now-says-text")!.TextContent.Replace("\"", "", StringComparison.Ordinal));
        Assert.Equal(QuoteDriftSite.Archive, entry.QuerySelector("a.archive-url")!.GetAttribute("href"));
        Assert.Equal(QuoteDriftSite.Quote, entry.QuerySelector("textarea[name=text]")!.TextContent);
    }

    [Fact]
    public async Task Acknowledging_ClearsTheReport_KeepsTheReadersNotice_UntilAnotherSentenceGoes()
    {
        var (post, key) = await DriftedWithKeyAsync();
        var editor = await EditorAsync();

        var response = await Accounts.PostFormAsync(editor, Changed, $"/admin/source-links/{post.Id}/acknowledge", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, report) = await Html.GetAsync(editor, Changed);
        Assert.Null(report.QuerySelector($"#drift-{post.Id}"));
        Assert.StartsWith("Acknowledged:", report.QuerySelector(".notice-success")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.NotNull((await site.CheckOfAsync(post))!.DriftAcknowledgedUtc);
        Assert.NotNull((await Html.GetAsync(site.CreateReader(), post.Path)).Document.QuerySelector(".quote-drift"));

        site.Sources.SetPage(key, QuoteDriftSite.Article(QuoteDriftSite.Reworded, first: "Lukashenko refused to comment."));
        await site.CheckNowAsync(post);
        Assert.NotNull((await Html.GetAsync(editor, Changed)).Document.QuerySelector($"#drift-{post.Id}"));
    }

    [Fact]
    public async Task UpdatingTheQuote_MakesANewVersion_AndStartsTheRecordOver()
    {
        var post = await DriftedAsync();
        var editor = await EditorAsync();
        var versions = await site.VersionsOfAsync(post);
        var now = "Lukashenko said he would not step down. " + QuoteDriftSite.Reworded;

        await Accounts.PostFormAsync(editor, Changed, $"/admin/source-links/{post.Id}/quote", new Dictionary<string, string> { ["text"] = now });

        Assert.Equal(versions + 1, await site.VersionsOfAsync(post));
        var quote = await site.InScopeAsync(async sp => (await sp.GetRequiredService<IContentManager>().GetAsync(post.Id))!.As<QuotePart>()!.Text);
        Assert.Equal(now, quote);
        var check = (await site.CheckOfAsync(post))!;
        Assert.Null(check.QuoteState);
        Assert.Null(check.LastCheckedUtc);
        Assert.Null((await Html.GetAsync(site.CreateReader(), post.Path)).Document.QuerySelector(".quote-drift"));
        Assert.Equal(QuoteState.AllFound, (await site.CheckNowAsync(post))!.QuoteState);
    }

    [Theory]
    [InlineData("", "The quote was not updated: The quoted passage is required.")]
    [InlineData("Bell\u0007 here.", "The quote was not updated: The quoted passage contains U+0007 (a control character) at position 5, which web feeds cannot carry: remove it.")]
    public async Task ABadQuote_IsRefusedWithAMessage_AndWritesNothing(string text, string message)
    {
        var post = await DriftedAsync();
        var editor = await EditorAsync();
        var versions = await site.VersionsOfAsync(post);
        var before = await site.CheckOfAsync(post);

        await Accounts.PostFormAsync(editor, Changed, $"/admin/source-links/{post.Id}/quote", new Dictionary<string, string> { ["text"] = text });

        var (_, page) = await Html.GetAsync(editor, Changed);
        Assert.Equal(message, page.QuerySelector(".notice-error")!.TextContent.Trim());
        Assert.Equal(versions, await site.VersionsOfAsync(post));
        Assert.Equivalent(before, await site.CheckOfAsync(post));
    }

    [Fact]
    public async Task Acknowledging_AndUpdating_NeedThePermission()
    {
        var post = await DriftedAsync();
        await Accounts.EnsureUserAsync(site, "drift-author", "Author");
        var author = await Accounts.SignedInClientAsync(site, "drift-author");
        var token = Html.AntiforgeryToken((await Html.GetAsync(author, "/admin")).Document);
        foreach (var action in new[] { "acknowledge", "quote" })
        {
            var refused = await author.PostAsync($"/admin/source-links/{post.Id}/{action}",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["text"] = "Changed." }));
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await author.GetAsync(Changed)).StatusCode);
        Assert.Null((await site.CheckOfAsync(post))!.DriftAcknowledgedUtc);
    }

    private async Task<TestPost> DriftedAsync() => (await DriftedWithKeyAsync()).Post;

    private async Task<(TestPost Post, string Key)> DriftedWithKeyAsync()
    {
        var (post, key) = await site.PublishDriftingAsync();
        site.Sources.SetPage(key, QuoteDriftSite.Article(QuoteDriftSite.Reworded));
        Assert.Equal(QuoteState.SomeMissing, (await site.CheckNowAsync(post))!.QuoteState);
        return (post, key);
    }

    private async Task<HttpClient> EditorAsync()
    {
        await Accounts.EnsureUserAsync(site, "drift-editor", "Editor");
        return await Accounts.SignedInClientAsync(site, "drift-editor");
    }
}
