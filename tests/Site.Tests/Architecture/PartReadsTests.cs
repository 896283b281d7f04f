using Cms.Content;

namespace Site.Tests.Architecture;

/// <summary>An item deserializes each part once, however many drivers and views ask for it; changes go through Apply.</summary>
public sealed class PartReadsTests
{
    [Fact]
    public void As_DeserializesAPartOnce_AndReturnsTheSameObject()
    {
        var item = ContentItem.FromJson("""{ "ContentItemId": "a", "ContentType": "T", "CountedPart": { "Text": "stored" } }""");
        var before = CountedPart.Made;

        var first = item.As<CountedPart>();
        var second = item.As<CountedPart>();
        var third = item.Get<CountedPart>(nameof(CountedPart));

        Assert.Equal(1, CountedPart.Made - before);
        Assert.Same(first, second);
        Assert.Same(first, third);
        Assert.Same(item, first!.ContentItem);
    }

    [Fact]
    public void ApplyAndAlter_ChangeWhatIsReadAndWhatIsStored()
    {
        var item = ContentItem.FromJson("""{ "ContentItemId": "a", "ContentType": "T", "CountedPart": { "Text": "stored" } }""");
        _ = item.As<CountedPart>();

        item.Apply(new CountedPart { Text = "applied" });
        Assert.Equal("applied", item.As<CountedPart>()!.Text);

        item.Alter<CountedPart>(p => p.Text = "altered");
        Assert.Equal("altered", item.As<CountedPart>()!.Text);
        Assert.Equal("altered", ContentItem.FromJson(item.ToJsonString()).As<CountedPart>()!.Text);
    }

    [Fact]
    public void CopyPartsFrom_DropsWhatWasRead()
    {
        var item = ContentItem.FromJson("""{ "ContentItemId": "a", "ContentType": "T", "CountedPart": { "Text": "stored" } }""");
        _ = item.As<CountedPart>();
        var working = item.Clone();
        working.Alter<CountedPart>(p => p.Text = "edited");

        item.CopyPartsFrom(working);

        Assert.Equal("edited", item.As<CountedPart>()!.Text);
    }

    public sealed class CountedPart : ContentPart
    {
        private static int s_made;

        public CountedPart() => Interlocked.Increment(ref s_made);

        public static int Made => Volatile.Read(ref s_made);

        public string Text { get; set; } = "";
    }
}
