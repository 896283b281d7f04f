using Modules.Search.Models;
using Modules.Search.Services;

namespace Site.Tests.Modules.Search;

/// <summary>The query's words reach the database only as quoted phrases or plain words, and marks become balanced HTML.</summary>
public sealed class SearchQueryTests
{
    [Fact]
    public void Parse_QuotesEachWord_AndDoublesQuotes()
    {
        var query = SearchQuery.Parse("say \"NEAR(a b)\" OR *drop*");

        Assert.Equal("\"say\" \"\"\"NEAR(a\" \"b)\"\"\" \"OR\" \"*drop*\"", query.ToFts5());
        Assert.Equal("say \"NEAR(a b)\" OR *drop*", query.ToPlainText());
    }

    [Fact]
    public void Parse_CutsLengthAndWords_AndDropsWordsWithoutLettersOrDigits()
    {
        var query = SearchQuery.Parse(new string('x', 300) + " more");
        var many = SearchQuery.Parse("one two two three four five six seven eight nine ten ?? !!");

        Assert.Equal(SearchQuery.MaxLength, query.Text.Length);
        Assert.Equal([new string('x', SearchQuery.MaxLength)], query.Terms);
        Assert.Equal(["one", "two", "three", "four", "five", "six", "seven", "eight"], many.Terms);
        Assert.False(SearchQuery.Parse("?? !! 😀 \u0001").HasTerms);
        Assert.Equal("a b", SearchQuery.Parse("a\u0000b\uE000").Text.Trim());
    }

    [Fact]
    public void Highlight_EncodesText_AndBalancesMarks()
    {
        var html = Highlight.ToHtml($"<b>{Sentinels.End}x{Sentinels.Start}a&b{Sentinels.Start}c{Sentinels.End}{Sentinels.End} {Sentinels.Start}open");

        Assert.Equal("&lt;b&gt;x<mark>a&amp;bc</mark> <mark>open</mark>", html.ToString());
    }
}
