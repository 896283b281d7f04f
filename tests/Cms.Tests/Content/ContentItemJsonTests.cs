using System.Text.Json.Nodes;
using Cms.Content;

namespace Cms.Tests.Content;

/// <summary>An item read from its stored text: common properties and parts as stored, its own tree (issue 12 point 1: parts moved, not copied).</summary>
public sealed class ContentItemJsonTests
{
    private const string Stored = """
        {"ContentItemId":"c1","ContentItemVersionId":"v1","ContentType":"BlogPost","DisplayText":"Hello","Latest":true,"Published":true,
         "Owner":"o","Author":"a","CreatedUtc":"2026-01-02T03:04:05Z","ModifiedUtc":null,"PublishedUtc":"2026-01-02T03:04:05Z",
         "TitlePart":{"Title":"Hello"},"NotePart":{"Text":"x","Tags":["a","b"]}}
        """;

    [Fact]
    public void AnItemReadFromText_HoldsItsPartsAndCommonProperties()
    {
        var item = ContentItem.FromJson(Stored);

        Assert.Equal(("c1", "v1", "BlogPost", "Hello", true), (item.ContentItemId, item.ContentItemVersionId, item.ContentType, item.DisplayText, item.Published));
        Assert.Equal(new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc), item.PublishedUtc);
        Assert.Equal(["TitlePart", "NotePart"], item.Content.Select(p => p.Key));
        Assert.Equal("b", item.Content["NotePart"]!["Tags"]![1]!.GetValue<string>());
        Assert.Same(item.Content, item.Content["TitlePart"]!.Parent);
        Assert.Equal(JsonNode.Parse(Stored)!["NotePart"]!.ToJsonString(), item.ToJson()["NotePart"]!.ToJsonString());
    }

    [Fact]
    public void TwoItemsReadFromOneText_ShareNothing()
    {
        var one = ContentItem.FromJson(Stored);
        var two = ContentItem.FromJson(Stored);

        one.Content["TitlePart"]!["Title"] = "Changed";

        Assert.Equal("Hello", two.Content["TitlePart"]!["Title"]!.GetValue<string>());
        Assert.NotSame(one.Content["NotePart"], two.Content["NotePart"]);
    }

    [Fact]
    public void ItemsFromOneKeptElement_ReadAsFromText_ShareNothing_AndLeaveTheElementAsItWas()
    {
        var kept = ContentItem.FromJson(Stored).ToJsonElement();
        var fromText = ContentItem.FromJson(Stored);

        var items = Enumerable.Range(0, 8).AsParallel().Select(_ => ContentItem.FromJson(kept)).ToList();
        items[0].Content["TitlePart"]!["Title"] = "Changed";
        items[0].Apply(new NotePart { Text = "applied" });
        items[0].DisplayText = "Changed";

        Assert.All(items.Skip(1), item =>
        {
            Assert.Equal(fromText.ToJsonString(), item.ToJsonString());
            Assert.Equal("x", item.As<NotePart>()!.Text);
        });
        Assert.Equal(fromText.ToJsonString(), ContentItem.FromJson(kept).ToJsonString());
        Assert.Equal(fromText.CreatedUtc, items[1].CreatedUtc);
        Assert.Null(items[1].ModifiedUtc);
    }

    [Fact]
    public void APartReadFromText_IsTheStoredOne_UntilAppliedOrCopiedOver()
    {
        var item = ContentItem.FromJson(Stored);
        Assert.Equal("x", item.As<NotePart>()!.Text);
        Assert.Equal(["a", "b"], item.As<NotePart>()!.Tags);
        Assert.Same(item, item.As<NotePart>()!.ContentItem);

        item.Apply(new NotePart { Text = "applied" });
        Assert.Equal("applied", item.As<NotePart>()!.Text);

        var other = ContentItem.FromJson(Stored);
        other.CopyPartsFrom(item);
        Assert.Equal("applied", other.As<NotePart>()!.Text);
        Assert.Equal("applied", ContentItem.FromJson(other.ToJsonString()).As<NotePart>()!.Text);
    }

    private sealed class NotePart : ContentPart
    {
        public string Text { get; set; } = "";

        public List<string> Tags { get; set; } = [];
    }
}
