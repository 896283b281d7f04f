using Modules.NewsCommentary.Services;

namespace Site.Tests.Modules.NewsCommentary;

public sealed class TextFragmentTests
{
    [Fact]
    public void Directive_UsesFirstAndLastWords_WhenPassageIsLong()
    {
        var directive = TextFragment.Directive("One two three four five six seven eight nine ten eleven twelve.");

        Assert.Equal("text=One%20two%20three%20four%20five,eight%20nine%20ten%20eleven%20twelve", directive);
    }

    [Fact]
    public void Directive_EncodesTheCharactersThatAreSyntax()
    {
        var directive = TextFragment.Directive("Ex-Soviet state, A&B said “yes” to a long-term plan now, at last for real");

        Assert.Equal("text=Ex%2DSoviet%20state%2C%20A%26B%20said%20yes,now%2C%20at%20last%20for%20real", directive);
    }

    [Theory]
    [InlineData("Too short to be unique.")]
    [InlineData("")]
    public void Directive_IsOmitted_WhenPassageIsTooShort(string text)
    {
        Assert.Null(TextFragment.Directive(text));
    }

    [Theory]
    [InlineData("https://a.example/x", "https://a.example/x#:~:text=abc")]
    [InlineData("https://a.example/x#top", "https://a.example/x#top:~:text=abc")]
    public void Append_KeepsAnExistingFragment(string url, string expected)
    {
        Assert.Equal(expected, TextFragment.Append(url, "text=abc"));
    }
}
