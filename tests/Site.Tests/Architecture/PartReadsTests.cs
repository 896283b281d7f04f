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

    [Fact]
    public void APartReadFromStoredText_IsTheTextsValue_AndTheTextIsKeptAsStored()
    {
        const string json = """{ "ContentItemId": "a", "ContentType": "T", "Published": true, "PublishedUtc": "2020-09-11T08:00:00Z", "CountedPart": { "Text": "caf\u00e9 \"quoted\" <b>x</b> \ud83d\ude00" }, "Other": [1, "two"], "Empty": null }""";
        var item = ContentItem.FromJson(json);

        Assert.Equal("café \"quoted\" <b>x</b> 😀", item.As<CountedPart>()!.Text);
        Assert.True(item.Published);
        Assert.Equal(new DateTime(2020, 9, 11, 8, 0, 0, DateTimeKind.Utc), item.PublishedUtc);
        Assert.Equal(DateTimeKind.Utc, item.PublishedUtc!.Value.Kind);
        Assert.Equal(2, item.Content["Other"]!.AsArray().Count);
        Assert.True(item.Content.ContainsKey("Empty"));

        var again = ContentItem.FromJson(item.ToJsonString());
        Assert.Equal(item.ToJsonString(), again.ToJsonString());
        Assert.Equal(item.As<CountedPart>()!.Text, again.As<CountedPart>()!.Text);
    }

    [Fact]
    public void APartReplacedAfterItWasRead_IsReadFromItsNewNode()
    {
        var item = ContentItem.FromJson("""{ "ContentItemId": "a", "ContentType": "T", "CountedPart": { "Text": "stored" } }""");
        var other = ContentItem.FromJson("""{ "ContentItemId": "a", "ContentType": "T", "CountedPart": { "Text": "other" } }""");

        item.CopyPartsFrom(other);

        Assert.Equal("other", item.As<CountedPart>()!.Text);
    }

    [Fact]
    public void StoredTextThatIsNotAnObject_IsRefused()
        => Assert.ThrowsAny<System.Text.Json.JsonException>(() => ContentItem.FromJson("[1, 2]"));

    public sealed class CountedPart : ContentPart
    {
        private static int s_made;

        public CountedPart() => Interlocked.Increment(ref s_made);

        public static int Made => Volatile.Read(ref s_made);

        public string Text { get; set; } = "";
    }
}
