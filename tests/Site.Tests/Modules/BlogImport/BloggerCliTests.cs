using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Site.Tests.Deployers;

namespace Site.Tests.Modules.BlogImport;

/// <summary>
/// <c>import blogger FILE [--dry-run]</c> on a site set up through the command line: the classic Atom backup,
/// all or nothing, the same dry run and change report as a recipe, and the report of posts imported as plain posts.
/// </summary>
public sealed class BloggerCliTests : IAsyncLifetime
{
    private readonly CliSite _site = new();

    public async Task InitializeAsync() => await _site.SetUpAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task DryRun_ReportsEveryChangeAndMisfit_AndWritesNothing()
    {
        var before = _site.Fingerprint();

        var run = await _site.RunAsync("import", "blogger", ImportFixtures.Path(ImportFixtures.Classic), "--dry-run");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Dry run: the import would make these changes; nothing was written.", run.Out, StringComparison.Ordinal);
        Assert.Contains("content type created: BlogPost", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"content item created: NewsCommentary 'Harbour Talks' \(\w{26}\)", run.Out);
        Assert.Contains("content item created: NewsCommentary 'Night Trains Return'", run.Out, StringComparison.Ordinal);
        Assert.Contains("content item created: BlogPost 'Housekeeping'", run.Out, StringComparison.Ordinal);
        Assert.Contains("comments imported: 2", run.Out, StringComparison.Ordinal);
        Assert.Contains("redirects set:", run.Out, StringComparison.Ordinal);
        Assert.Contains("'Housekeeping': imported as a plain blog post: it has no \"From the …:\" line", run.Out, StringComparison.Ordinal);
        Assert.Contains("'Odd Link': imported as a plain blog post: its source address 'javascript:alert(1)' is not an http or https address", run.Out, StringComparison.Ordinal);
        Assert.Equal(before, _site.Fingerprint());
    }

    [Fact]
    public async Task Import_MakesCommentariesPlainPostsDraftsCommentsAndRedirects_AndAgainChangesNothing()
    {
        var run = await _site.RunAsync("import", "blogger", ImportFixtures.Path(ImportFixtures.Classic));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("The export is imported:", run.Out, StringComparison.Ordinal);

        var export = await ExportAsync();
        var items = ((JsonArray)Step(export, "content")["Data"]!).Select(i => i!.AsObject()).ToList();
        var harbour = items.Single(i => (string?)i["DisplayText"] == "Harbour Talks");
        Assert.Equal("NewsCommentary", (string?)harbour["ContentType"]);
        Assert.Equal("Gazette", (string?)harbour["QuotePart"]!["Attribution"]);
        Assert.Equal("Two Ports Agree To Share Their Cranes", (string?)harbour["QuotePart"]!["Headline"]);
        Assert.Equal("The harbour boards of Northport and Southport said on Monday they would *share* cranes over the winter.\n\n## A cold season\n\nShipping lines welcomed the plan, the boards said.", (string?)harbour["QuotePart"]!["Text"]);
        Assert.Equal("Sharing cranes is the first step; sharing a timetable would be the second.", (string?)harbour["AnalysisPart"]!["Markdown"]);
        Assert.Equal("https://gazette.example.org/2020/09/14/ports-share-cranes", (string?)harbour["SourceLinkPart"]!["Url"]);
        Assert.Equal(["Harbours", "Trade"], harbour["TagsPart"]!["Tags"]!.AsArray().Select(t => (string)t!));
        Assert.Equal("2020/09/14/harbour-talks", (string?)harbour["AutoroutePart"]!["Path"]);
        Assert.Equal(true, (bool?)harbour["Published"]);

        var trains = items.Single(i => (string?)i["DisplayText"] == "Night Trains Return");
        Assert.Equal("Sleeper Service To Run Again From May", (string?)trains["QuotePart"]!["Headline"]);
        Assert.Equal("https://courier.example.net/rail/sleeper-returns", (string?)trains["SourceLinkPart"]!["Url"]);

        var housekeeping = items.Single(i => (string?)i["DisplayText"] == "Housekeeping");
        Assert.Equal("BlogPost", (string?)housekeeping["ContentType"]);
        Assert.Equal("The blog takes a *week off*. Back on the fifth.\n\n- No posts\n- Comments stay open", (string?)housekeeping["MarkdownBodyPart"]!["Markdown"]);

        var draft = items.Single(i => (string?)i["DisplayText"] == "Unfinished Thoughts");
        Assert.Equal(false, (bool?)draft["Published"]);

        var redirects = ((JsonArray)Step(export, "Redirects")["Redirects"]!).Select(r => r!.AsObject()).ToList();
        Assert.Contains(redirects, r => (string?)r["From"] == "/2020/09/harbour-talks.html" && (string?)r["ContentItemId"] == (string?)harbour["ContentItemId"]);
        Assert.Contains(redirects, r => (string?)r["From"] == "/search/label/Harbours" && (string?)r["To"] == "/tags/harbours");

        // The thread: the reply sits under the first comment, both by name, approved.
        var comments = Comments();
        Assert.Equal(2, comments.Count);
        Assert.Equal(("Harbour Watcher", 0, "Cranes are the **easy** part."), (comments[0].Author, comments[0].Depth, comments[0].Markdown));
        Assert.Equal(("Wren Editor", 1), (comments[1].Author, comments[1].Depth));

        var fingerprint = Rows(_site.Fingerprint());
        var again = await _site.RunAsync("import", "blogger", ImportFixtures.Path(ImportFixtures.Classic));
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("The export is imported: nothing needed to change.", again.Out, StringComparison.Ordinal);
        Assert.Equal(fingerprint, Rows(_site.Fingerprint()));
    }

    /// <summary>The fingerprint without the documents' rows: a settings step saves its document again (a new version number) even when nothing in it changes.</summary>
    private static string Rows(string fingerprint)
        => string.Join("\n", fingerprint.Split('\n').Where(line => !line.StartsWith("Document|", StringComparison.Ordinal)));

    private async Task<JsonObject> ExportAsync()
    {
        var run = await _site.RunAsync("export");
        Assert.True(run.ExitCode == 0, run.ToString());
        return JsonNode.Parse(run.Out)!.AsObject();
    }

    private static JsonObject Step(JsonObject recipe, string name)
        => recipe["steps"]!.AsArray().Select(s => s!.AsObject()).Single(s => (string?)s["name"] == name);

    private List<(string Author, int Depth, string Markdown)> Comments()
    {
        SqliteConnection.ClearAllPools();
        using var connection = new SqliteConnection($"Data Source={_site.Database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT AuthorName, Depth, Markdown FROM Comment WHERE Status = 'Approved' ORDER BY CreatedUtc";
        using var reader = command.ExecuteReader();
        var rows = new List<(string, int, string)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetInt32(1), reader.GetString(2)));
        }

        return rows;
    }
}
