using Modules.NewsCommentary.Models;

namespace Site.Tests.Modules.NewsCommentary;

/// <summary>The News Commentary parts refuse what the editor and recipes must not store.</summary>
public sealed class PartValidationTests
{
    public static TheoryData<string> UnsafeUrls =>
    [
        "javascript:alert(1)",
        "data:text/html,x",
        "/relative/path",
        "ftp://example.org/x",
        "https://",
        "http:// spaced.example",
        "not a url",
    ];

    public static TheoryData<string> SafeUrls =>
    [
        "https://www.themoscowtimes.com/2020/09/11/x",
        "http://example.org",
    ];

    [Theory]
    [MemberData(nameof(UnsafeUrls))]
    public void SourceLinkPartValidate_RefusesUrl_WhenUrlIsNotAbsoluteHttp(string url)
    {
        var errors = ValidSourceLink(p => p.Url = url).Validate().ToList();

        var error = Assert.Single(errors);
        Assert.Equal(nameof(SourceLinkPart.Url), error.Property);
        Assert.Contains("source URL", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SafeUrls))]
    public void SourceLinkPartValidate_AcceptsUrl_WhenUrlIsAbsoluteHttp(string url)
    {
        Assert.Empty(ValidSourceLink(p => p.Url = url).Validate());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void SourceLinkPartValidate_RequiresUrl_WhenUrlIsBlank(string url)
    {
        var error = Assert.Single(ValidSourceLink(p => p.Url = url).Validate());

        Assert.Equal(nameof(SourceLinkPart.Url), error.Property);
        Assert.Contains("source URL is required", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(UnsafeUrls))]
    public void SourceLinkPartValidate_RefusesArchiveUrl_WhenArchiveUrlIsNotAbsoluteHttp(string url)
    {
        var error = Assert.Single(ValidSourceLink(p => p.ArchiveUrl = url).Validate());

        Assert.Equal(nameof(SourceLinkPart.ArchiveUrl), error.Property);
        Assert.Contains("archive URL", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SafeUrls))]
    [InlineData(null)]
    [InlineData("")]
    public void SourceLinkPartValidate_AcceptsArchiveUrl_WhenArchiveUrlIsAbsoluteHttpOrAbsent(string? url)
    {
        Assert.Empty(ValidSourceLink(p => p.ArchiveUrl = url).Validate());
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n ")]
    public void QuotePartValidate_RequiresText_WhenTextIsBlank(string text)
    {
        var part = new QuotePart { Headline = "A headline", Attribution = "The Test Gazette", Text = text };

        var error = Assert.Single(part.Validate());

        Assert.Equal(nameof(QuotePart.Text), error.Property);
        Assert.Contains("quoted passage", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void QuotePartValidate_ReturnsNoErrors_WhenTextIsGiven()
    {
        var part = new QuotePart { Text = "Quoted." };

        Assert.Empty(part.Validate());
    }

    [Theory]
    [InlineData("")]
    [InlineData("\t")]
    public void AnalysisPartValidate_RequiresMarkdown_WhenMarkdownIsBlank(string markdown)
    {
        var part = new AnalysisPart { Markdown = markdown };

        var error = Assert.Single(part.Validate());

        Assert.Equal(nameof(AnalysisPart.Markdown), error.Property);
        Assert.Contains("analysis", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnalysisPartValidate_ReturnsNoErrors_WhenMarkdownIsGiven()
    {
        var part = new AnalysisPart { Markdown = "This will end in exile or invasion." };

        Assert.Empty(part.Validate());
    }

    /// <summary>A source link with every field valid, changed by <paramref name="change"/>.</summary>
    private static SourceLinkPart ValidSourceLink(Action<SourceLinkPart> change)
    {
        var part = new SourceLinkPart
        {
            Url = "https://news.example.org/story",
            Title = "A headline",
            Publication = "The Test Gazette",
            PublishedUtc = new DateTime(2020, 9, 11, 0, 0, 0, DateTimeKind.Utc),
        };
        change(part);
        return part;
    }
}
