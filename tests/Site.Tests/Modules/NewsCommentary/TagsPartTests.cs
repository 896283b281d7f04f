using Modules.NewsCommentary.Models;

namespace Site.Tests.Modules.NewsCommentary;

/// <summary>TagsPart's own rules, which the editor and recipe imports share.</summary>
public sealed class TagsPartTests
{
    [Fact]
    public void Normalize_TrimsDropsBlanksAndKeepsTheFirstOfEachSlug()
    {
        var tags = TagsPart.Normalize([" Russia ", "", "  ", "Diplomacy", "russia", "U.S.", "U S", null]);

        Assert.Equal(["Russia", "Diplomacy", "U.S."], tags);
    }

    [Fact]
    public void Validate_AcceptsOrdinaryTags()
    {
        Assert.Empty(new TagsPart { Tags = ["Russia", "Black Sea", "G7"] }.Validate());
    }

    [Theory]
    [InlineData("", "Tag 2 is empty")]
    [InlineData("—", "The tag '—' needs at least one letter or digit")]
    [InlineData("Москва", "The tag 'Москва' needs at least one letter or digit")]
    public void Validate_NamesTheBadTag(string bad, string message)
    {
        var error = Assert.Single(new TagsPart { Tags = ["Russia", bad] }.Validate());

        Assert.Equal("Tags", error.Property);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Validate_RefusesTooLongTagsAndTooManyTags()
    {
        var tooLong = new string('x', TagsPart.MaxTagLength + 1);
        var many = Enumerable.Range(1, TagsPart.MaxTags + 1).Select(i => $"Tag {i}").ToList();

        Assert.Contains("is too long", Assert.Single(new TagsPart { Tags = [tooLong] }.Validate()).Message);
        Assert.Empty(new TagsPart { Tags = many.Take(TagsPart.MaxTags).ToList() }.Validate());
        Assert.Equal("A post has at most 10 tags; this one has 11.", Assert.Single(new TagsPart { Tags = many }.Validate()).Message);
        Assert.Empty(new TagsPart { Tags = [.. many.Take(TagsPart.MaxTags), "tag 1"] }.Validate());
    }
}
