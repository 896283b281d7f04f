using System.Net;
using Cms.Content;
using Microsoft.Extensions.DependencyInjection;
using Modules.Forecasts.Models;
using Site.Tests.Modules.Contents;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.Forecasts;

/// <summary>Issue 16, points 4 and 7: forecasts written in the post editor; bad ones named beside the field, nothing saved.</summary>
public sealed class ForecastEditorTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private const string NewPost = "/admin/contents/new/NewsCommentary";

    [Fact]
    public async Task AnEditor_WritesAForecast_InThePostEditor()
    {
        var editor = await ForecastPosts.EditorAsync(site);
        var fields = ContentEditorTests.PostFields("Forecast Through The Form", submit: "publish");
        fields["ForecastPart.Rows[0].Statement"] = "The ceasefire holds until spring";
        fields["ForecastPart.Rows[0].Probability"] = "60";
        fields["ForecastPart.Rows[0].ResolveBy"] = "2099-04-01";

        var created = await Accounts.PostFormAsync(editor, NewPost, NewPost, fields);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var item = await site.InScopeAsync(sp => sp.GetRequiredService<IContentManager>().GetAsync(created.Headers.Location!.OriginalString.Split('/')[3], VersionOptions.Latest));
        var forecast = Assert.Single(item!.As<ForecastPart>()!.Forecasts);
        Assert.Equal(("The ceasefire holds until spring", 60, new DateTime(2099, 4, 1)), (forecast.Statement, forecast.Probability, forecast.ResolveByUtc));
        Assert.Equal(26, forecast.Id.Length);
    }

    [Theory]
    [InlineData("150", "2099-01-01", "Probability", "The probability is a whole number from 0 to 100 (per cent); 150 is not.")]
    [InlineData("-1", "2099-01-01", "Probability", "The probability is a whole number from 0 to 100 (per cent); -1 is not.")]
    [InlineData("50", "2001-01-01", "ResolveBy", "The resolve-by date 2001-01-01 is before the post")]
    [InlineData("50", "", "ResolveBy", "A forecast needs a resolve-by date.")]
    public async Task ABadForecast_IsNamedBesideTheField_AndNothingIsSaved(string probability, string resolveBy, string field, string message)
    {
        var editor = await ForecastPosts.EditorAsync(site);
        var fields = ContentEditorTests.PostFields("Badly Forecast", submit: "publish");
        fields["ForecastPart.Rows[0].Statement"] = "Something happens";
        fields["ForecastPart.Rows[0].Probability"] = probability;
        fields["ForecastPart.Rows[0].ResolveBy"] = resolveBy;
        var before = await DatabaseFingerprint.TakeAsync(site);

        var response = await Accounts.PostFormAsync(editor, NewPost, NewPost, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, page.QuerySelector($"[data-valmsg-for='ForecastPart.Rows[0].{field}']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }
}
