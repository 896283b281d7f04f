using Modules.Contents.Services;

namespace Site.Tests.Modules.Contents;

/// <summary>URL slugs (paths, tags): lower-case ASCII letters and digits joined by single hyphens. No site is booted.</summary>
public sealed class SlugTests
{
    [Theory]
    [InlineData("Belarus votes", "belarus-votes")]
    [InlineData("  Leading, trailing & double -- spaces!  ", "leading-trailing-double-spaces")]
    [InlineData("Lukashenko's café in Zürich", "lukashenkos-cafe-in-zurich")]
    [InlineData("Don’t panic", "dont-panic")]
    [InlineData("2024: EU/NATO", "2024-eu-nato")]
    [InlineData("???", "")]
    [InlineData("   ", "")]
    [InlineData(null, "")]
    public void From_KeepsLettersAndDigits_JoinedByOneHyphen(string? text, string slug)
        => Assert.Equal(slug, Slug.From(text));

    [Fact]
    public void From_CutsAtMaxLength_WithoutATrailingHyphen()
    {
        var slug = Slug.From(string.Concat(Enumerable.Repeat("word ", 60)));

        Assert.True(slug.Length <= Slug.MaxLength, $"{slug.Length} characters");
        Assert.False(slug.EndsWith('-'));
        Assert.StartsWith("word-word-", slug, StringComparison.Ordinal);
        Assert.Equal(new string('a', Slug.MaxLength), Slug.From(new string('a', 150)));
    }
}
