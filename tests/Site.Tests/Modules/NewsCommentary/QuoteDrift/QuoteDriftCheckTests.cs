using Modules.NewsCommentary.Models;
using Site.Tests.Infrastructure;
using Site.Tests.Modules.NewsCommentary.LinkHealth;

namespace Site.Tests.Modules.NewsCommentary.QuoteDrift;

/// <summary>Issue 16, point 1 and 7: the checker reads the source page and records which sentences of the quote are still there.</summary>
public sealed class QuoteDriftCheckTests(QuoteDriftSite site) : IClassFixture<QuoteDriftSite>
{
    [Fact]
    public async Task AQuoteOnThePage_IsAllFound_DespiteQuotesDashesCaseAndSpacing()
    {
        var (post, key) = await site.PublishDriftingAsync();

        var check = (await site.CheckNowAsync(post))!;

        Assert.Equal(LinkOutcome.Ok, check.Outcome);
        Assert.Equal(QuoteState.AllFound, check.QuoteState);
        Assert.Null(check.MissingJson);
        Assert.Null(check.DriftSinceUtc);
        Assert.NotNull(check.QuoteCheckedUtc);
        Assert.Equal(["HEAD", "GET"], site.Sources.RequestsFor(key).Select(r => r.Method));
    }

    [Fact]
    public async Task AnEditedSentence_IsRecordedMissing_WithTheDayItFirstWent_AndWhatThePageSaysInstead()
    {
        var (post, key) = await site.PublishDriftingAsync();
        await site.CheckNowAsync(post);

        site.Sources.SetPage(key, QuoteDriftSite.Article(QuoteDriftSite.Reworded));
        var first = (await site.CheckNowAsync(post))!;
        var missing = Assert.Single(QuoteDriftSite.MissingOf(first));
        Assert.Equal(QuoteState.SomeMissing, first.QuoteState);
        Assert.Equal(1, missing.Index);
        Assert.Equal("\"There will be no new election,\" he told reporters - in Minsk.", missing.Sentence);
        Assert.Equal(QuoteDriftSite.Reworded, missing.PageNowSays);
        Assert.NotNull(first.DriftSinceUtc);

        // Days later, still missing: the first date stays; another sentence going missing gets its own date.
        site.Clock.Advance(TimeSpan.FromDays(2));
        site.Sources.SetPage(key, QuoteDriftSite.Article(QuoteDriftSite.Reworded, first: "Lukashenko refused to comment."));
        var later = (await site.CheckNowAsync(post))!;
        var both = QuoteDriftSite.MissingOf(later);
        Assert.Equal([0, 1], both.Select(m => m.Index));
        Assert.Equal(missing.FirstMissingUtc, both[1].FirstMissingUtc);
        Assert.True(both[0].FirstMissingUtc - missing.FirstMissingUtc >= TimeSpan.FromDays(2));
        Assert.Equal(first.DriftSinceUtc, later.DriftSinceUtc);
        Assert.Equal(QuoteState.SomeMissing, later.QuoteState);
    }

    [Fact]
    public async Task APageWithNoneOfTheQuote_IsNoneFound_AndARestoredPage_ClearsTheRecord()
    {
        var (post, key) = await site.PublishDriftingAsync();
        site.Sources.SetPage(key, "<html><body><p>This article has been removed at the request of its subject.</p></body></html>");

        var none = (await site.CheckNowAsync(post))!;
        Assert.Equal(QuoteState.NoneFound, none.QuoteState);
        Assert.Equal(3, QuoteDriftSite.MissingOf(none).Count);

        site.Sources.SetPage(key, QuoteDriftSite.Article());
        var back = (await site.CheckNowAsync(post))!;
        Assert.Equal(QuoteState.AllFound, back.QuoteState);
        Assert.Null(back.MissingJson);
        Assert.Null(back.DriftSinceUtc);
    }

    [Theory]
    [InlineData("pdf", "The page is not HTML (application/pdf), so the quote was not looked for.")]
    [InlineData("big", "The page is larger than 64 KiB, so the quote was not looked for.")]
    [InlineData("slow", "The page did not arrive within 1 s.")]
    public async Task APageThatCannotBeRead_IsRecorded_AndKeepsWhatWasKnown(string kind, string message)
    {
        var (post, key) = await site.PublishDriftingAsync();
        site.Sources.SetPage(key, QuoteDriftSite.Article(QuoteDriftSite.Reworded));
        var drifted = (await site.CheckNowAsync(post))!;

        var unreadable = kind switch
        {
            "pdf" => Pdf(key),
            "big" => $"{site.Sources.BaseUrl}/big?post={key}",
            _ => $"{site.Sources.BaseUrl}/slow-body?post={key}",
        };
        await site.ChangeUrlAsync(post, unreadable);
        var check = (await site.CheckNowAsync(post))!;

        Assert.Equal(QuoteState.Unreadable, check.QuoteState);
        Assert.Equal(message, check.QuoteMessage);
        Assert.True(check.Outcome is LinkOutcome.Ok, $"the link itself answered: {check.Outcome}");

        // A new URL starts over, so nothing is missing; on the same URL the drift already found stands.
        Assert.Null(check.MissingJson);
        await site.ChangeUrlAsync(post, $"{site.Sources.BaseUrl}/page/{key}");
        var again = (await site.CheckNowAsync(post))!;
        site.Sources.SetPage(key, "%PDF-1.4", "application/pdf");
        var kept = (await site.CheckNowAsync(post))!;
        Assert.Equal(QuoteState.Unreadable, kept.QuoteState);
        Assert.Equal([1], QuoteDriftSite.MissingOf(drifted).Select(m => m.Index));
        Assert.Equal([1], QuoteDriftSite.MissingOf(kept).Select(m => m.Index));
        Assert.Equal(again.DriftSinceUtc, kept.DriftSinceUtc);
    }

    [Fact]
    public async Task ASourceThatNeverAnswers_IsATimedOutLink_AndTheQuoteIsNotJudged()
    {
        var post = await site.PublishQuotingAsync(site.Sources.Url("/slow", LinkHealthSite.Marker()), QuoteDriftSite.Quote);

        var check = (await site.CheckNowAsync(post))!;

        Assert.Equal(LinkOutcome.Timeout, check.Outcome);
        Assert.Null(check.QuoteState);
        Assert.Null(check.MissingJson);
    }

    private string Pdf(string key)
    {
        site.Sources.SetPage(key + "-pdf", "%PDF-1.4", "application/pdf");
        return $"{site.Sources.BaseUrl}/page/{key}-pdf";
    }
}
