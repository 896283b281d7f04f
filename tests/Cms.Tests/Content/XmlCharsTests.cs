using Cms.Content;

namespace Cms.Tests.Content;

/// <summary>The characters XML 1.0 cannot carry are found, named in a message, and cleaned out; everything else is kept.</summary>
public sealed class XmlCharsTests
{
    [Theory]
    [InlineData("plain text", -1)]
    [InlineData("tab\tline\nreturn\r", -1)]
    [InlineData("emoji 😀 is a pair", -1)]
    [InlineData("bell \u0007", 5)]
    [InlineData("\u0000", 0)]
    [InlineData("not \uFFFE a character", 4)]
    public void FirstInvalid_FindsTheFirstCharacterXmlCannotCarry(string text, int expected)
        => Assert.Equal(expected, XmlChars.FirstInvalid(text));

    [Fact]
    public void FirstInvalid_FindsALoneHalfOfAPair()
    {
        // In code, not in an attribute: an attribute's string is stored as UTF-8, where a lone half cannot be.
        Assert.Equal(5, XmlChars.FirstInvalid("lone \uD800 half"));
        Assert.Equal(4, XmlChars.FirstInvalid("end \uDC00"));
    }

    [Fact]
    public void Problem_NamesTheFieldTheCodeAndThePosition()
    {
        Assert.Null(XmlChars.Problem("fine", "Title"));
        Assert.Equal(
            "Title contains U+0007 (a control character) at position 3, which web feeds cannot carry: remove it.",
            XmlChars.Problem("ab\u0007", "Title"));
        Assert.Contains("half of a character pair", XmlChars.Problem("\uDC00", "Text"), StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_DropsOnlyWhatXmlCannotCarry()
    {
        Assert.Equal("ab 😀 c\td", XmlChars.Clean("a\u0001b 😀 \uD800c\t\uFFFFd"));

        const string Fine = "unchanged";
        Assert.Same(Fine, XmlChars.Clean(Fine));
    }
}
