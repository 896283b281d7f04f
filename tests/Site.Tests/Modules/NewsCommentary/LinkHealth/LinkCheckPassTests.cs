using Cms.Data;
using Cms.Modules;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Modules.NewsCommentary.Services;
using Modules.NewsCommentary.Models;

namespace Site.Tests.Modules.NewsCommentary.LinkHealth;

/// <summary>One pass of the checker against a real local server: what it records, what it asks, and when it asks again.</summary>
public sealed class LinkCheckPassTests(LinkHealthSite site) : IClassFixture<LinkHealthSite>
{
    [Fact]
    public async Task RunPass_RecordsWhatEachSourceAnswered()
    {
        var m = LinkHealthSite.Marker();
        var sources = site.Sources;
        var ok = await site.PublishAsync(sources.Url("/ok", m));
        var moved = await site.PublishAsync(sources.Url("/moved", m));
        var found = await site.PublishAsync(sources.Url("/found", m));
        var noHead = await site.PublishAsync(sources.Url("/no-head", m));
        var missing = await site.PublishAsync(sources.Url("/missing", m));
        var gone = await site.PublishAsync(sources.Url("/gone", m));
        var error = await site.PublishAsync(sources.Url("/error", m));
        var forbidden = await site.PublishAsync(sources.Url("/forbidden", m));
        var loop = await site.PublishAsync(sources.Url("/loop-a", m));
        var slow = await site.PublishAsync(sources.Url("/slow", m));

        await site.RunPassAsync();

        await AssertCheckAsync(ok, LinkOutcome.Ok, 200, finalUrl: null, gone: false);
        await AssertCheckAsync(moved, LinkOutcome.Redirected, 200, sources.Url("/ok", m), gone: false);
        await AssertCheckAsync(found, LinkOutcome.Redirected, 200, sources.Url("/ok", m), gone: false);
        await AssertCheckAsync(noHead, LinkOutcome.Ok, 200, finalUrl: null, gone: false);
        await AssertCheckAsync(missing, LinkOutcome.NotFound, 404, finalUrl: null, gone: true);
        await AssertCheckAsync(gone, LinkOutcome.Gone, 410, finalUrl: null, gone: true);
        await AssertCheckAsync(error, LinkOutcome.ServerError, 503, finalUrl: null, gone: false);
        await AssertCheckAsync(forbidden, LinkOutcome.Refused, 403, finalUrl: null, gone: false);
        await AssertCheckAsync(loop, LinkOutcome.RedirectLoop, 302, sources.Url("/loop-a", m), gone: false);
        var timedOut = await AssertCheckAsync(slow, LinkOutcome.Timeout, null, finalUrl: null, gone: false);
        Assert.Equal("No answer within 1 s.", timedOut.Message);
        Assert.Contains("Redirect loop", (await site.CheckOfAsync(loop))!.Message);

        var missingCheck = (await site.CheckOfAsync(missing))!;
        Assert.Equal(1, missingCheck.ConsecutiveFailures);
        Assert.Equal(missingCheck.LastCheckedUtc, missingCheck.FailingSinceUtc);
        Assert.Equal("404 Not Found", missingCheck.Message);
    }

    [Fact]
    public async Task RunPass_AsksWithHeadOnly_AndGetOnlyWhenHeadIsRefused_IntroducingItself()
    {
        var m = LinkHealthSite.Marker();
        await site.PublishAsync(site.Sources.Url("/ok", m));
        await site.PublishAsync(site.Sources.Url("/no-head", m));

        await site.RunPassAsync();

        var seen = site.Sources.RequestsFor(m);
        Assert.Equal(["GET /no-head", "HEAD /no-head", "HEAD /ok"], seen.Select(r => $"{r.Method} {r.PathAndQuery.Split('?')[0]}").Order(StringComparer.Ordinal).ToList());
        Assert.All(seen, r => Assert.Equal(
            $"NewsCommentaryLinkChecker/1.0 (+{LinkHealthSite.SiteUrl}; checks that cited sources are still online)", r.UserAgent));
    }

    [Fact]
    public async Task SecondPass_WithinADay_AsksNothing_AndAfter25Hours_AsksAgain()
    {
        var m = LinkHealthSite.Marker();
        var post = await site.PublishAsync(site.Sources.Url("/ok", m));
        await site.RunPassAsync();
        var first = (await site.CheckOfAsync(post))!.LastCheckedUtc;
        Assert.Single(site.Sources.RequestsFor(m));

        site.Clock.Advance(TimeSpan.FromHours(23));
        await site.RunPassAsync();
        Assert.Single(site.Sources.RequestsFor(m));

        site.Clock.Advance(TimeSpan.FromHours(2));
        await site.RunPassAsync();
        Assert.Equal(2, site.Sources.RequestsFor(m).Count);
        Assert.True((await site.CheckOfAsync(post))!.LastCheckedUtc >= first + TimeSpan.FromHours(25));
    }

    [Fact]
    public async Task ChangedUrl_IsCheckedOnTheNextPass_AndForgetsTheOldUrlsAnswers()
    {
        var m = LinkHealthSite.Marker();
        var post = await site.PublishAsync(site.Sources.Url("/missing", m));
        await site.RunPassAsync();
        Assert.Equal(LinkOutcome.NotFound, (await site.CheckOfAsync(post))!.Outcome);

        await site.ChangeUrlAsync(post, site.Sources.Url("/ok", m));
        var reset = (await site.CheckOfAsync(post))!;
        Assert.Equal(LinkOutcome.Unchecked, reset.Outcome);
        Assert.False(reset.Gone);

        await site.RunPassAsync();

        var check = (await site.CheckOfAsync(post))!;
        Assert.Equal(site.Sources.Url("/ok", m), check.Url);
        Assert.Equal(LinkOutcome.Ok, check.Outcome);
        Assert.Equal(0, check.ConsecutiveFailures);
        Assert.Null(check.FailingSinceUtc);
        Assert.Equal(["/missing", "/ok"], site.Sources.RequestsFor(m).Select(r => r.PathAndQuery.Split('?')[0]).ToList());
    }

    [Fact]
    public async Task UnpublishedPosts_AreNotChecked()
    {
        var m = LinkHealthSite.Marker();
        var draft = await site.PublishAsync(site.Sources.Url("/ok", m + "-draft"), publish: false);
        var taken = await site.PublishAsync(site.Sources.Url("/ok", m + "-unpublished"));
        await site.InScopeAsync(sp => sp.GetRequiredService<Cms.Content.IContentManager>().UnpublishAsync(taken.Id));

        await site.RunPassAsync();

        Assert.Empty(site.Sources.RequestsFor(m));
        Assert.Null(await site.CheckOfAsync(draft));
        Assert.False((await site.CheckOfAsync(taken))!.Published);
    }

    [Fact]
    public async Task FailuresThatMayPass_CountAsGone_OnlyAfterThreeDays()
    {
        var m = LinkHealthSite.Marker();
        var post = await site.PublishAsync(site.Sources.Url("/error", m));
        await site.RunPassAsync();
        var firstFailure = (await site.CheckOfAsync(post))!.FailingSinceUtc;

        for (var day = 1; day <= 2; day++)
        {
            site.Clock.Advance(TimeSpan.FromHours(25));
            await site.RunPassAsync();
            Assert.False((await site.CheckOfAsync(post))!.Gone);
        }

        site.Clock.Advance(TimeSpan.FromHours(25));
        await site.RunPassAsync();

        var check = (await site.CheckOfAsync(post))!;
        Assert.True(check.Gone);
        Assert.Equal(4, check.ConsecutiveFailures);
        Assert.Equal(firstFailure, check.FailingSinceUtc);
    }

    [Fact]
    public async Task TwoNodesRunningAPassAtOnce_CheckEachLinkOnce()
    {
        var m = LinkHealthSite.Marker();
        for (var i = 0; i < 6; i++)
        {
            await site.PublishAsync(site.Sources.Url("/ok", $"{m}-{i}"));
        }

        // Two passes in their own scopes, as two nodes sharing the database would run them.
        await Task.WhenAll(site.RunPassAsync(), site.RunPassAsync());

        Assert.Equal(6, site.Sources.RequestsFor(m).Count);
        Assert.Equal(6, site.Sources.RequestsFor(m).Select(r => r.PathAndQuery).Distinct().Count());
    }

    [Fact]
    public async Task BackgroundLoop_RunsAPass_WhenEnabled()
    {
        var m = LinkHealthSite.Marker();
        var post = await site.PublishAsync(site.Sources.Url("/ok", m));
        var options = new LinkCheckOptions { Enabled = true, StartDelay = TimeSpan.Zero };
        using var worker = new BackgroundTaskHost<LinkCheckWorker>(
            "NewsCommentary", () => LinkCheckWorker.Schedule(options),
            site.Services.GetRequiredService<ShellSettingsStore>(), site.Services.GetRequiredService<IServiceScopeFactory>(),
            TimeProvider.System, NullLogger<BackgroundTaskHost<LinkCheckWorker>>.Instance);

        await worker.StartAsync(CancellationToken.None);
        try
        {
            // Only an upper bound on the wait: the first pass starts at once.
            for (var waited = 0; waited < 100 && (await site.CheckOfAsync(post))!.Outcome == LinkOutcome.Unchecked; waited++)
            {
                await Task.Delay(100);
            }
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }

        Assert.Equal(LinkOutcome.Ok, (await site.CheckOfAsync(post))!.Outcome);
        Assert.Single(site.Sources.RequestsFor(m));
    }

    private async Task<SourceLinkCheck> AssertCheckAsync(TestPost post, LinkOutcome outcome, int? status, string? finalUrl, bool gone)
    {
        var check = await site.CheckOfAsync(post);
        Assert.NotNull(check);
        Assert.Equal((outcome, status, finalUrl, gone), (check.Outcome, check.StatusCode, check.FinalUrl, check.Gone));
        Assert.True(check.Published);
        Assert.NotNull(check.LastCheckedUtc);
        return check;
    }
}
