using Modules.BlogImport.Services;

namespace Site.Tests.Modules.BlogImport;

/// <summary>One test (at least) per rule of <see cref="CommentaryShape"/>, on the blocks HtmlBlocks makes of a post's HTML.</summary>
public sealed class CommentaryShapeTests
{
    private static readonly Uri s_blog = new("https://wiredesk.example.com/");

    private static ShapeResult Recognise(string html) => CommentaryShape.Recognise(HtmlBlocks.Parse(html), s_blog);

    private const string SeedShaped =
        "From the MT:<br /><br />“Putin, Lukashenko To Talk”<br /><br />First paragraph.<br /><br /><b>Mass demonstrations</b><br /><br />Second paragraph."
        + "<br /><br />^ This will either mean one thing or another. ^<br /><br />https://news.example.org/2020/09/11/talks";

    [Fact]
    public void SeedShapedPost_IsRecognisedWhole()
    {
        var c = Recognise(SeedShaped).Commentary!;

        Assert.Equal("MT", c.Attribution);
        Assert.Equal("Putin, Lukashenko To Talk", c.Headline);
        Assert.Equal("First paragraph.\n\n## Mass demonstrations\n\nSecond paragraph.", c.Quote);
        Assert.Equal("This will either mean one thing or another.", c.Analysis);
        Assert.Equal("https://news.example.org/2020/09/11/talks", c.SourceUrl);
    }

    [Theory]
    [InlineData("From the Gazette:", "Gazette")]
    [InlineData("From Reuters:", "Reuters")]
    [InlineData("from the New Courier :", "New Courier")]
    public void Rule1_TheFromLine_GivesTheAttribution(string line, string expected)
    {
        var (index, attribution) = CommentaryShape.Attribution(HtmlBlocks.Parse($"<p>{line}</p><p>x</p>"));

        Assert.Equal(0, index);
        Assert.Equal(expected, attribution);
    }

    [Fact]
    public void Rule1_WithoutAFromLine_ThePostIsAMisfit_WithTheReason()
    {
        var result = Recognise("<p>Just a note.</p><blockquote>quoted</blockquote><p>^ mine ^</p><p>https://a.example.org/x</p>");

        Assert.Null(result.Commentary);
        Assert.Contains("no \"From the …:\" line", result.Misfit, StringComparison.Ordinal);
    }

    [Fact]
    public void Rule2_TheAnalysisIsBetweenCaretMarks_EvenOverSeveralParagraphs()
    {
        var c = Recognise("From the X:<br><br>Quote.<br><br>^ One.<br><br>Two. ^<br><br>Trailing.<br><br>https://x.example.org/a").Commentary!;

        Assert.Equal("Quote.", c.Quote);
        Assert.Equal("One.\n\nTwo.", c.Analysis);
    }

    [Fact]
    public void Rule3_ABlockquoteIsTheQuote_AndWhatFollowsIsTheAnalysis()
    {
        var c = Recognise("<p>From the Courier:</p><blockquote><p>Quoted one.</p><p>Quoted two.</p></blockquote><p>My view.</p><p><a href=\"https://courier.example.net/a\">link</a></p>").Commentary!;

        Assert.Equal("Quoted one.\n\nQuoted two.", c.Quote);
        Assert.Equal("My view.", c.Analysis);
    }

    [Fact]
    public void Rule3_WithoutBlockquoteOrCaretMarks_ThePostIsAMisfit()
    {
        var result = Recognise("<p>From the X:</p><p>Something.</p><p>Something else.</p><p>https://x.example.org/a</p>");

        Assert.Contains("cannot be told from the analysis", result.Misfit, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<h3>The Headline</h3>")]
    [InlineData("<p><b>The Headline</b></p>")]
    [InlineData("<p>“The Headline”</p>")]
    [InlineData("<p>\"The Headline\"</p>")]
    public void Rule4_AHeadingBoldOrQuotedFirstLine_IsTheHeadline(string first)
    {
        var c = Recognise($"<p>From the X:</p><blockquote>{first}<p>Body.</p></blockquote><p>Mine.</p><p>https://x.example.org/a</p>").Commentary!;

        Assert.Equal("The Headline", c.Headline);
        Assert.Equal("Body.", c.Quote);
    }

    [Fact]
    public void Rule4_AnOrdinaryFirstLine_IsNoHeadline()
    {
        var c = Recognise("<p>From the X:</p><blockquote><p>Body one.</p><p>Body two.</p></blockquote><p>Mine.</p><p>https://x.example.org/a</p>").Commentary!;

        Assert.Equal("", c.Headline);
        Assert.StartsWith("Body one.", c.Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void Rule5_HeadingsAndBoldLinesInTheQuote_AreSubheads()
    {
        var c = Recognise("<p>From the X:</p><blockquote><h2>Head</h2><p>One.</p><h4>Section</h4><p>Two.</p><p><strong>Another</strong></p><p>Three.</p></blockquote><p>Mine.</p><p>https://x.example.org/a</p>").Commentary!;

        Assert.Equal("One.\n\n## Section\n\nTwo.\n\n## Another\n\nThree.", c.Quote);
    }

    [Fact]
    public void Rule6_TheSourceIsTheLastLinkNotTheBlogsOwn()
    {
        var c = Recognise("<p>From the X:</p><blockquote><p>Q.</p></blockquote><p>See <a href=\"https://x.example.org/story\">the story</a> and <a href=\"https://wiredesk.example.com/2020/01/older.html\">my older post</a>.</p>").Commentary!;

        Assert.Equal("https://x.example.org/story", c.SourceUrl);
    }

    [Fact]
    public void Rule6_ABareUrlCounts_AndItsLineIsNeitherQuoteNorAnalysis()
    {
        var c = Recognise("From the X:<br><br>Q.<br><br>^ A. ^<br><br>https://x.example.org/bare").Commentary!;

        Assert.Equal("https://x.example.org/bare", c.SourceUrl);
        Assert.DoesNotContain("bare", c.Analysis, StringComparison.Ordinal);
        Assert.DoesNotContain("bare", c.Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void Rule6_AJavascriptSource_IsRefusedByName()
    {
        var result = Recognise("From the X:<br><br>Q.<br><br>^ A. ^<br><br><a href=\"javascript:alert(1)\">source</a>");

        Assert.Null(result.Commentary);
        Assert.Contains("'javascript:alert(1)' is not an http or https address", result.Misfit, StringComparison.Ordinal);
    }

    [Fact]
    public void Rule6_NoLinkOutsideTheBlog_ThePostIsAMisfit()
    {
        var result = Recognise("From the X:<br><br>Q.<br><br>^ A. ^<br><br><a href=\"/2020/01/mine.html\">mine</a>");

        Assert.Contains("no source", result.Misfit, StringComparison.Ordinal);
    }
}
