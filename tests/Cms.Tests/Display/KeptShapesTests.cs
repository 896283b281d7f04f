using Cms.Display;

namespace Cms.Tests.Display;

/// <summary>A shape's HTML kept per published version id and display type under the public-pages signal's version, bounded by characters.</summary>
public sealed class KeptShapesTests
{
    private readonly KeptShapes _shapes = new();

    [Fact]
    public void AShape_IsKeptPerVersionIdAndDisplayType_WhileTheVersionStands()
    {
        _shapes.Keep(3, "v1", "Summary", "<article>one</article>");

        Assert.True(_shapes.TryGet(3, "v1", "Summary", out var html));
        Assert.Equal("<article>one</article>", html);
        Assert.False(_shapes.TryGet(3, "v1", "Detail", out _));
        Assert.False(_shapes.TryGet(3, "v2", "Summary", out _));
    }

    [Fact]
    public void ANewVersion_DropsEveryKeptShape()
    {
        _shapes.Keep(3, "v1", "Summary", "old");
        _shapes.Keep(3, "v2", "Summary", "old two");

        Assert.False(_shapes.TryGet(4, "v1", "Summary", out _));
        _shapes.Keep(4, "v1", "Summary", "new");
        Assert.Equal((1, 3L), _shapes.Held);
        Assert.False(_shapes.TryGet(3, "v2", "Summary", out _)); // a request still on the old version builds its own
    }

    [Fact]
    public void HtmlRenderedUnderAnOlderVersion_IsNotKept()
    {
        _shapes.Keep(5, "v1", "Summary", "current");
        _shapes.Keep(4, "v2", "Summary", "stale");

        Assert.False(_shapes.TryGet(4, "v2", "Summary", out _));
        Assert.Equal((1, 7L), _shapes.Held);
    }

    [Fact]
    public void TheKeptCharacters_StayWithinMaxChars()
    {
        var html = new string('x', 100_000);
        for (var i = 0; i < (KeptShapes.MaxChars / html.Length) + 10; i++)
        {
            _shapes.Keep(1, "v" + i, "Summary", html);
            Assert.True(_shapes.Held.Chars <= KeptShapes.MaxChars);
        }

        Assert.True(_shapes.TryGet(1, "v" + ((KeptShapes.MaxChars / html.Length) + 9), "Summary", out _)); // the newest is kept
        _shapes.Keep(1, "huge", "Summary", new string('x', (int)KeptShapes.MaxChars + 1));
        Assert.False(_shapes.TryGet(1, "huge", "Summary", out _));
    }
}
