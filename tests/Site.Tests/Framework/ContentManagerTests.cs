using System.Text.Json.Nodes;
using Cms.Content;
using Cms.ContentDefinitions;
using Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modules.Contents.Models;
using Modules.NewsCommentary.Models;
using Site.Tests.Infrastructure;

namespace Site.Tests.Framework;

/// <summary>Every content transition, against Orchard's Latest/Published rules, on the real database.</summary>
public sealed class ContentManagerTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private sealed record Row(string VersionId, bool Latest, bool Published, string Analysis);

    [Fact]
    public async Task SaveDraft_NewItem_IsLatestButNotPublished()
    {
        var id = await WithContent(async cm => (await cm.SaveDraftAsync(TestPosts.New(cm, "Draft One"))).ContentItemId);

        var rows = await RowsAsync(id);
        Assert.Equal([(true, false)], rows.Select(r => (r.Latest, r.Published)));
        Assert.Null(await WithContent(cm => cm.GetAsync(id)));
        Assert.NotNull(await WithContent(cm => cm.GetAsync(id, VersionOptions.Latest)));
    }

    [Fact]
    public async Task Publish_NewItem_IsOneRowBothLatestAndPublished()
    {
        var id = await WithContent(async cm => (await cm.PublishAsync(TestPosts.New(cm, "Published One"))).ContentItemId);

        var rows = await RowsAsync(id);
        Assert.Equal([(true, true)], rows.Select(r => (r.Latest, r.Published)));
    }

    [Fact]
    public async Task SaveDraft_OverPublished_AddsVersion_AndPublishedStaysLive()
    {
        var id = await PublishedPostAsync("Edited Live");

        await EditAndSaveDraftAsync(id, "Second thoughts.");

        var rows = await RowsAsync(id);
        Assert.Equal(2, rows.Count);
        Assert.Equal((false, true), (rows[0].Latest, rows[0].Published));
        Assert.Equal((true, false), (rows[1].Latest, rows[1].Published));
        Assert.Equal("Analysis of Edited Live.", (await WithContent(cm => cm.GetAsync(id)))!.As<AnalysisPart>()!.Markdown);
        AssertAtMostOneLatestAndPublished(rows);
    }

    [Fact]
    public async Task SaveDraft_OverDraft_UpdatesThatDraftInPlace()
    {
        var id = await PublishedPostAsync("Twice Drafted");
        await EditAndSaveDraftAsync(id, "First draft.");
        await EditAndSaveDraftAsync(id, "Second draft.");

        var rows = await RowsAsync(id);
        Assert.Equal(2, rows.Count);
        Assert.Equal("Second draft.", rows[1].Analysis);
    }

    [Fact]
    public async Task Publish_Draft_OldPublishedVersionBecomesHistory_ForVersionableType()
    {
        var id = await PublishedPostAsync("Republished");
        await EditAndSaveDraftAsync(id, "Republished analysis.");

        await WithContent(async cm => await cm.PublishAsync((await cm.GetAsync(id, VersionOptions.Latest))!));

        var rows = await RowsAsync(id);
        Assert.Equal([(false, false), (true, true)], rows.Select(r => (r.Latest, r.Published)));
        Assert.Equal("Republished analysis.", (await WithContent(cm => cm.GetAsync(id)))!.As<AnalysisPart>()!.Markdown);
    }

    [Fact]
    public async Task Publish_KeepsTheDateOfFirstPublication()
    {
        var first = new DateTime(2021, 5, 4, 10, 0, 0, DateTimeKind.Utc);
        var id = await WithContent(async cm => (await cm.PublishAsync(TestPosts.New(cm, "Dated", first))).ContentItemId);
        await EditAndSaveDraftAsync(id, "Later edit.");

        var republished = await WithContent(async cm => await cm.PublishAsync((await cm.GetAsync(id, VersionOptions.Latest))!));

        Assert.Equal(first, republished.PublishedUtc);
    }

    [Fact]
    public async Task Unpublish_WithoutDraft_LeavesTheVersionAsLatestDraft()
    {
        var id = await PublishedPostAsync("Taken Down");

        await WithContent(cm => cm.UnpublishAsync(id));

        Assert.Equal([(true, false)], (await RowsAsync(id)).Select(r => (r.Latest, r.Published)));
    }

    [Fact]
    public async Task Unpublish_WithDraft_KeepsTheDraftAsLatest()
    {
        var id = await PublishedPostAsync("Taken Down With Draft");
        await EditAndSaveDraftAsync(id, "Pending.");

        await WithContent(cm => cm.UnpublishAsync(id));

        var rows = await RowsAsync(id);
        Assert.Equal([(false, false), (true, false)], rows.Select(r => (r.Latest, r.Published)));
    }

    [Fact]
    public async Task Unpublish_IsRefused_WhenNotPublished()
    {
        var id = await WithContent(async cm => (await cm.SaveDraftAsync(TestPosts.New(cm, "Never Live"))).ContentItemId);

        var error = await Assert.ThrowsAsync<ContentOperationException>(() => WithContent(cm => cm.UnpublishAsync(id)));
        Assert.Contains("not published", error.Message);
    }

    [Fact]
    public async Task DiscardDraft_MakesThePublishedVersionLatestAgain()
    {
        var id = await PublishedPostAsync("Discarded Draft");
        await EditAndSaveDraftAsync(id, "Regrettable.");

        await WithContent(cm => cm.DiscardDraftAsync(id));

        var rows = await RowsAsync(id);
        Assert.Equal((true, true), (rows.Single(r => r.Published).Latest, rows.Single(r => r.Published).Published));
        Assert.DoesNotContain(rows, r => r.Latest && !r.Published);
        Assert.Equal("Analysis of Discarded Draft.", (await WithContent(cm => cm.GetAsync(id, VersionOptions.Latest)))!.As<AnalysisPart>()!.Markdown);
    }

    [Fact]
    public async Task DiscardDraft_IsRefused_WhenTheItemWasNeverPublished()
    {
        var id = await WithContent(async cm => (await cm.SaveDraftAsync(TestPosts.New(cm, "Only Draft"))).ContentItemId);

        var error = await Assert.ThrowsAsync<ContentOperationException>(() => WithContent(cm => cm.DiscardDraftAsync(id)));
        Assert.Contains("never been published", error.Message);
        Assert.Equal([(true, false)], (await RowsAsync(id)).Select(r => (r.Latest, r.Published)));
    }

    [Fact]
    public async Task Remove_ClearsEveryFlag_AndKeepsTheRows()
    {
        var id = await PublishedPostAsync("Soft Deleted");
        await EditAndSaveDraftAsync(id, "Draft before delete.");

        await WithContent(cm => cm.RemoveAsync(id));

        var rows = await RowsAsync(id);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal((false, false), (r.Latest, r.Published)));
        Assert.Null(await WithContent(cm => cm.GetAsync(id, VersionOptions.Latest)));
    }

    [Fact]
    public async Task Restore_MakesAnOldVersionTheNewDraft()
    {
        var id = await PublishedPostAsync("Restored");
        var firstVersion = (await RowsAsync(id))[0].VersionId;
        await EditAndSaveDraftAsync(id, "Second version.");
        await WithContent(async cm => await cm.PublishAsync((await cm.GetAsync(id, VersionOptions.Latest))!));

        await WithContent(cm => cm.RestoreAsync(firstVersion));

        var rows = await RowsAsync(id);
        Assert.Equal(3, rows.Count);
        Assert.Equal("Analysis of Restored.", rows.Single(r => r.Latest).Analysis);
        Assert.Equal("Second version.", rows.Single(r => r.Published).Analysis);
        AssertAtMostOneLatestAndPublished(rows);
    }

    [Fact]
    public async Task NonVersionableType_KeepsNoHistory()
    {
        await DefineNoteTypeAsync();
        var id = await WithContent(async cm =>
        {
            var note = cm.New("Note").Alter<TitlePart>(t => t.Title = "A note");
            return (await cm.PublishAsync(note)).ContentItemId;
        });
        for (var i = 0; i < 3; i++)
        {
            await WithContent(async cm =>
            {
                var latest = (await cm.GetAsync(id, VersionOptions.Latest))!;
                latest.Alter<TitlePart>(t => t.Title = $"A note, take {i}");
                await cm.PublishAsync(latest);
            });
        }

        var rows = await RowsAsync(id);
        Assert.Equal([(true, true)], rows.Select(r => (r.Latest, r.Published)));
        Assert.Equal("A note, take 2", (await WithContent(cm => cm.GetAsync(id)))!.DisplayText);
    }

    [Fact]
    public async Task VersionableType_KeepsHistory()
    {
        var id = await PublishedPostAsync("With History");
        for (var i = 0; i < 3; i++)
        {
            await EditAndSaveDraftAsync(id, $"Take {i}.");
            await WithContent(async cm => await cm.PublishAsync((await cm.GetAsync(id, VersionOptions.Latest))!));
        }

        var versions = await WithContent(cm => cm.GetVersionsAsync(id));
        Assert.Equal(4, versions.Count);
        Assert.Single(versions, v => v.Published);
    }

    [Fact]
    public async Task Import_WithSameVersionId_UpdatesThatVersionInPlace()
    {
        var item = await WithContent(async cm => await cm.PublishAsync(TestPosts.New(cm, "Imported")));
        var json = item.ToJson();
        ((JsonObject)json["AnalysisPart"]!)["Markdown"] = "Imported again.";

        await WithContent(cm => cm.ImportAsync([ContentItem.FromJson(json)]));

        var rows = await RowsAsync(item.ContentItemId);
        Assert.Single(rows);
        Assert.Equal(item.ContentItemVersionId, rows[0].VersionId);
        Assert.Equal("Imported again.", rows[0].Analysis);
    }

    [Fact]
    public void NewIds_AreOrchardShaped()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => IdGenerator.NewId()).ToList();

        Assert.All(ids, id => Assert.Matches("^[0-9a-z]{26}$", id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    private static void AssertAtMostOneLatestAndPublished(IReadOnlyList<Row> rows)
    {
        Assert.True(rows.Count(r => r.Latest) <= 1);
        Assert.True(rows.Count(r => r.Published) <= 1);
    }

    private Task<string> PublishedPostAsync(string title)
        => WithContent(async cm => (await cm.PublishAsync(TestPosts.New(cm, title))).ContentItemId);

    private Task EditAndSaveDraftAsync(string id, string analysis) => WithContent(async cm =>
    {
        var item = (await cm.GetAsync(id, VersionOptions.Latest))!;
        item.Alter<AnalysisPart>(p => p.Markdown = analysis);
        return await cm.SaveDraftAsync(item);
    });

    private Task<T> WithContent<T>(Func<IContentManager, Task<T>> work)
        => site.InScopeAsync(sp => work(sp.GetRequiredService<IContentManager>()));

    private Task WithContent(Func<IContentManager, Task> work)
        => site.InScopeAsync(sp => work(sp.GetRequiredService<IContentManager>()));

    private Task<List<Row>> RowsAsync(string id) => site.InScopeAsync(async sp =>
    {
        var rows = await sp.GetRequiredService<CmsDbContext>().ContentItems.AsNoTracking()
            .Where(r => r.ContentItemId == id).OrderBy(r => r.Id).ToListAsync();
        return rows.Select(r => new Row(r.ContentItemVersionId, r.Latest, r.Published,
            ContentItem.FromJson(r.Data).As<AnalysisPart>()?.Markdown ?? "")).ToList();
    });

    private Task DefineNoteTypeAsync() => site.InScopeAsync(sp =>
        sp.GetRequiredService<IContentDefinitionManager>().AlterAsync(d => d.MergeType(new ContentTypeDefinition
        {
            Name = "Note",
            DisplayName = "Note",
            Settings = new JsonObject { ["ContentTypeSettings"] = new JsonObject { ["Draftable"] = true } },
            ContentTypePartDefinitionRecords = [new ContentTypePartDefinition { PartName = "TitlePart", Name = "TitlePart" }],
        })));
}
