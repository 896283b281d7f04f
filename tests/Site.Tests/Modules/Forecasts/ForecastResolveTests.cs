using System.Net;
using Modules.Forecasts.Models;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.Forecasts;

/// <summary>Issue 16, points 4, 6 and 7: the sample post's forecast, the due list, resolving as a new version, bad input.</summary>
public sealed class ForecastResolveTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private const string Due = "/admin/forecasts/due";

    [Fact]
    public async Task TheSamplePost_CarriesItsOpenForecast_AndItIsDue()
    {
        var (_, page) = await Html.GetAsync(site.CreateReader(), ForecastPosts.SeedPath);
        var forecast = page.QuerySelector($"#forecast-{ForecastPosts.SeedForecastId}")!;
        Assert.Equal("Lukashenko resigns and goes into exile, or Russian troops occupy Belarus", forecast.QuerySelector(".forecast-statement")!.TextContent);
        Assert.Equal("Open", forecast.QuerySelector(".forecast-outcome")!.TextContent.Trim());
        Assert.Equal("2021-03-11", forecast.QuerySelector("time")!.GetAttribute("datetime"));

        var (response, due) = await Html.GetAsync(await ForecastPosts.EditorAsync(site), Due);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(due.QuerySelector($"#due-{ForecastPosts.SeedForecastId}"));
    }

    [Fact]
    public async Task Resolving_MakesANewVersion_ThatShowsTheOutcomeBesideTheForecast_AndLeavesTheDueList()
    {
        var (id, path) = await ForecastPosts.PublishAsync(site, ForecastPosts.Open("The summit ends without a joint statement", 70), ForecastPosts.Open("A later one", resolveBy: "2999-01-01"));
        var forecastId = (await ForecastPosts.PublishedAsync(site, id)).As<ForecastPart>()!.Forecasts[0].Id;
        var editor = await ForecastPosts.EditorAsync(site);
        var (_, due) = await Html.GetAsync(editor, Due);
        Assert.NotNull(due.QuerySelector($"#due-{forecastId}"));
        Assert.Null(due.QuerySelector("#due-" + (await ForecastPosts.PublishedAsync(site, id)).As<ForecastPart>()!.Forecasts[1].Id));
        var versions = await ForecastPosts.VersionsAsync(site, id);

        var response = await Accounts.PostFormAsync(editor, Due, $"/admin/forecasts/{id}/{forecastId}/resolve", new Dictionary<string, string>
        {
            ["outcome"] = "Happened",
            ["note"] = "No statement was issued.",
            ["followUp"] = "/2024/06/02/after-the-summit",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(versions + 1, await ForecastPosts.VersionsAsync(site, id));
        var (_, page) = await Html.GetAsync(site.CreateReader(), path);
        var outcome = page.QuerySelector($"#forecast-{forecastId} .forecast-outcome")!;
        Assert.StartsWith("Happened (resolved", outcome.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("No statement was issued.", outcome.QuerySelector(".forecast-note")!.TextContent);
        Assert.Equal("/2024/06/02/after-the-summit", outcome.QuerySelector("a.forecast-follow-up")!.GetAttribute("href"));
        Assert.Equal("70 %", page.QuerySelector($"#forecast-{forecastId} .forecast-probability")!.TextContent);
        Assert.Null((await Html.GetAsync(editor, Due)).Document.QuerySelector($"#due-{forecastId}"));
    }

    [Theory]
    [InlineData("Maybe", "", "", "Nothing was resolved: choose an outcome: happened, did not happen, partly or withdrawn.")]
    [InlineData("Partly", "long", "", "Nothing was resolved: The outcome note has at most 1000 characters; this one has 1001.")]
    [InlineData("Partly", "", "javascript:alert(1)", "Nothing was resolved: The follow-up link is a path on this site (/2021/...) or an http:// or https:// address.")]
    public async Task ABadResolution_IsRefusedWithAMessage_AndWritesNothing(string outcome, string note, string followUp, string message)
    {
        var (id, _) = await ForecastPosts.PublishAsync(site, ForecastPosts.Open("Refused resolution"));
        var forecastId = (await ForecastPosts.PublishedAsync(site, id)).As<ForecastPart>()!.Forecasts[0].Id;
        var editor = await ForecastPosts.EditorAsync(site);
        var before = await DatabaseFingerprint.TakeAsync(site);

        await Accounts.PostFormAsync(editor, Due, $"/admin/forecasts/{id}/{forecastId}/resolve", new Dictionary<string, string>
        {
            ["outcome"] = outcome,
            ["note"] = note == "long" ? new string('n', 1001) : note,
            ["followUp"] = followUp,
        });

        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
        var (_, page) = await Html.GetAsync(editor, Due);
        Assert.Equal(message, page.QuerySelector(".notice-error")!.TextContent.Trim());
    }

    [Fact]
    public async Task TheDueList_AndResolving_NeedThePermission()
    {
        var (id, _) = await ForecastPosts.PublishAsync(site, ForecastPosts.Open("Not for authors"));
        var forecastId = (await ForecastPosts.PublishedAsync(site, id)).As<ForecastPart>()!.Forecasts[0].Id;
        await Accounts.EnsureUserAsync(site, "forecast-author", "Author");
        var author = await Accounts.SignedInClientAsync(site, "forecast-author");
        Assert.Equal(HttpStatusCode.Forbidden, (await author.GetAsync(Due)).StatusCode);
        var token = Html.AntiforgeryToken((await Html.GetAsync(author, "/admin")).Document);
        var refused = await author.PostAsync($"/admin/forecasts/{id}/{forecastId}/resolve",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["outcome"] = "Happened" }));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Null((await ForecastPosts.PublishedAsync(site, id)).As<ForecastPart>()!.Forecasts[0].Outcome);
    }
}
