using Site.Tests.Deployers;

namespace Site.Tests.Modules.BlogImport;

/// <summary>Files an import refuses, each with a message saying why; a refused import writes nothing.</summary>
public sealed class BadImportTests(SetUpCliSite fixture) : IClassFixture<SetUpCliSite>
{
    private CliSite Site => fixture.Site;

    public static TheoryData<string, string> Refused => new()
    {
        { "<feed xmlns='http://www.w3.org/2005/Atom'><entry><title>Broken</entry></feed>", "The file is not well-formed XML: line 1" },
        {
            """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>&lol3;</title></feed>
            """,
            "The file declares a DTD"
        },
        {
            "<rss version='2.0' xmlns:wp='http://wordpress.org/export/1.2/'><channel><title>A WordPress blog</title></channel></rss>",
            "This is a WordPress export (WXR), not a Blogger one"
        },
        { "<rss version='2.0'><channel><title>A feed</title></channel></rss>", "This is not a Blogger export: its root element is <rss>" },
        {
            "<feed xmlns='http://www.w3.org/2005/Atom'><title>Public feed</title><entry><id>x</id><title>A post</title></entry></feed>",
            "This Atom feed is not a Blogger export: no entry says whether it is a post or a comment"
        },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task AFileThatIsNotABloggerExport_IsRefused_WithTheReason_AndNothingWritten(string content, string message)
    {
        var file = Site.WriteRecipe(content);
        var before = Site.Fingerprint();

        var run = await Site.RunAsync("import", "blogger", file);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("error: the export was not imported; nothing was written.", run.Error, StringComparison.Ordinal);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, Site.Fingerprint());
    }

    [Fact]
    public async Task AnEntryTheRecipeRefuses_IsNamed_AndNothingIsWritten()
    {
        var quote = string.Concat(Enumerable.Repeat("A very long quoted sentence. ", 2000));
        var file = Site.WriteRecipe($"""
            <feed xmlns='http://www.w3.org/2005/Atom'><id>tag:blogger.com,1999:blog-9</id>
              <entry><id>tag:blogger.com,1999:blog-9.post-1</id><published>2021-01-01T00:00:00Z</published>
                <category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#post'/>
                <title>Far Too Long</title>
                <content type='html'>From the Gazette:&lt;br/&gt;&lt;br/&gt;{quote}&lt;br/&gt;&lt;br/&gt;^ Mine. ^&lt;br/&gt;&lt;br/&gt;https://gazette.example.org/long</content>
              </entry>
            </feed>
            """);
        var before = Site.Fingerprint();

        var run = await Site.RunAsync("import", "blogger", file);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("'Far Too Long': The quoted passage has at most 50,000 characters.", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, Site.Fingerprint());
    }

    [Fact]
    public async Task AFileOverTheConfiguredSize_IsRefused()
    {
        var before = Site.Fingerprint();

        // Before the verb: after it, the configuration reader would take an absolute path ("/tmp/…") for a "/key value" pair.
        var run = await Site.RunAsync("--Import:MaxBytes=1000", "import", "blogger", ImportFixtures.Path(ImportFixtures.Classic));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("an import takes at most 1,000 (Import:MaxBytes)", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, Site.Fingerprint());
    }

    [Fact]
    public async Task AnUnknownService_IsRefused_NamingTheOnesThereAre()
    {
        var run = await Site.RunAsync("import", "typepad", ImportFixtures.Path(ImportFixtures.Classic));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("There is no import from 'typepad'; this site imports from: blogger", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingFile_IsRefused()
    {
        var run = await Site.RunAsync("import", "blogger", "no-such-export.xml");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("there is no file 'no-such-export.xml'", run.Error, StringComparison.Ordinal);
    }
}
