using System.Text.Json;
using Cms.Data;
using Cms.Recipes;
using Cms.Recipes.Export;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modules.NewsCommentary.Models;
using Modules.NewsCommentary.Services;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.NewsCommentary.QuoteDrift;

/// <summary>Issue 16, point 6: the quote-drift record (state, missing sentences, first-missing dates, acknowledgement) travels in export and import.</summary>
public sealed class QuoteDriftExportTests
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);
    private static readonly DateTime s_first = new(2024, 3, 1, 6, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime s_acknowledged = new(2024, 3, 5, 9, 30, 0, DateTimeKind.Utc);

    [Fact]
    public async Task TheDriftRecord_RoundTrips_AndReadersSeeTheNoticeOnTheNewSite()
    {
        using var a = new SiteFactory();
        using var b = new SiteFactory();
        _ = b.Server;
        var id = await a.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CmsDbContext>();
            var check = await db.Set<SourceLinkCheck>().OrderBy(c => c.Id).FirstAsync(c => c.Published);
            check.QuoteFingerprint = "fingerprint-1";
            check.QuoteState = QuoteState.SomeMissing;
            check.QuoteCheckedUtc = s_acknowledged;
            check.MissingJson = JsonSerializer.Serialize(new[] { new MissingSentence(1, "There will be no new election.", s_first, "There may be one.") }, s_json);
            check.DriftSinceUtc = s_first;
            check.DriftAcknowledgedUtc = s_acknowledged;
            await db.SaveChangesAsync();
            return check.ContentItemId;
        });

        var export = await a.InScopeAsync(sp => sp.GetRequiredService<IRecipeExporter>().ExportAsync());
        Assert.Contains("\"name\":\"QuoteDrift\"", export.ToJsonString(), StringComparison.Ordinal);
        var result = await b.InScopeAsync(sp => sp.GetRequiredService<IRecipeExecutor>().ExecuteAsync(export));

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        Assert.Contains("quote drift records set: 1", result.Changes);
        var (imported, notice) = await b.InScopeAsync(async sp =>
        {
            var check = await sp.GetRequiredService<CmsDbContext>().Set<SourceLinkCheck>().AsNoTracking().SingleAsync(c => c.ContentItemId == id);
            var document = await sp.GetRequiredService<IDocumentStore>().GetAsync<QuoteDriftDocument>(QuoteDriftDocument.DocumentId);
            return (check, document.Items.GetValueOrDefault(id));
        });
        Assert.Equal(QuoteState.SomeMissing, imported.QuoteState);
        Assert.Equal("fingerprint-1", imported.QuoteFingerprint);
        Assert.Equal(s_first, imported.DriftSinceUtc);
        Assert.Equal(s_acknowledged, imported.DriftAcknowledgedUtc);
        var missing = Assert.Single(QuoteDriftRecord.Missing(imported.MissingJson));
        Assert.Equal(new MissingSentence(1, "There will be no new election.", s_first, "There may be one."), missing);
        Assert.Equal(s_first, notice!.FirstNoticedUtc);

        // Applying the same export again changes nothing.
        var again = await b.InScopeAsync(sp => sp.GetRequiredService<IRecipeExecutor>().ExecuteAsync(export));
        Assert.DoesNotContain(again.Changes, c => c.StartsWith("quote drift", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"Records":{}}""", "Records", "'Records' must be an array")]
    [InlineData("""{"Records":[{"ContentItemId":"x","Url":"https://a.example/","QuoteFingerprint":"f","State":"Maybe"}]}""", "Records[0].State", "'State' must be AllFound, SomeMissing, NoneFound or Unreadable, not 'Maybe'.")]
    [InlineData("""{"Records":[{"ContentItemId":"x","Url":"https://a.example/","QuoteFingerprint":"f","State":"SomeMissing","DriftSinceUtc":"2024-01-01T00:00:00Z"}]}""", "Records[0].Missing", "A record whose State is SomeMissing names the sentences missing ('Missing').")]
    [InlineData("""{"Records":[{"ContentItemId":"x","Url":"https://a.example/","QuoteFingerprint":"f","State":"NoneFound","DriftSinceUtc":"2024-01-01T00:00:00Z","Missing":[{"Index":-1,"Sentence":"s","FirstMissingUtc":"yesterday"}]}]}""", "Records[0].Missing[0].Index", "'Index' must be a whole number, 0 or more: the sentence's place in the quote.")]
    [InlineData("""{"Records":[{"ContentItemId":"x","Url":"https://a.example/","QuoteFingerprint":"f","State":"NoneFound","DriftSinceUtc":"2024-01-01T00:00:00Z","Missing":[{"Index":0,"Sentence":"s","FirstMissingUtc":"yesterday"}]}]}""", "Records[0].Missing[0].FirstMissingUtc", "'FirstMissingUtc' must be a UTC date and time like 2024-06-01T00:00:00Z, not 'yesterday'.")]
    [InlineData("""{"Records":[{"ContentItemId":"x","Url":"https://a.example/","QuoteFingerprint":"f","State":"AllFound","AcknowledgedUtc":"2024-01-01T00:00:00Z"}]}""", "Records[0].AcknowledgedUtc", "Only a drift can be acknowledged: this record has no missing sentences.")]
    public async Task ABadRecord_IsNamed_AndNothingIsWritten(string data, string path, string message)
    {
        using var site = new SiteFactory();
        var recipe = """{"name":"bad","steps":[{"name":"QuoteDrift",""" + data[1..] + "]}";
        var before = await DatabaseFingerprint.TakeAsync(site);

        var result = await site.InScopeAsync(sp => sp.GetRequiredService<IRecipeExecutor>().ExecuteAsync(recipe));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Path.EndsWith(path, StringComparison.Ordinal) && e.Message.StartsWith(message, StringComparison.Ordinal));
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }
}
