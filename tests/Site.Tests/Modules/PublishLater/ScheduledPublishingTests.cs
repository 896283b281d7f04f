using System.Net;
using Cms.Content;
using Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modules.Contents.Models;
using Modules.PublishLater.Models;
using Site.Tests.Modules.Contents;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.PublishLater;

/// <summary>An editor schedules a draft for a time in the site's zone; the publisher publishes it at that minute, once.</summary>
public sealed class ScheduledPublishingTests(PublishLaterSite site) : IClassFixture<PublishLaterSite>
{
    private const string NewPost = "/admin/contents/new/NewsCommentary";

    [Fact]
    public async Task ScheduledDraft_IsPublishedAtItsMinute_InTheSitesZone_AndCachedPagesShowIt()
    {
        var editor = await EditorAsync("sched1");
        var fields = ContentEditorTests.PostFields("Scheduled Summit", submit: "save");
        var publishAt = site.LocalInput(TimeSpan.FromHours(2));
        fields["PublishLaterPart.PublishAt"] = publishAt;

        var saved = await Accounts.PostFormAsync(editor, NewPost, NewPost, fields);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = saved.Headers.Location!.OriginalString.Split('/')[3];
        var scheduled = await RowAsync(id);
        Assert.NotNull(scheduled);
        var expected = site.Clock.GetUtcNow().UtcDateTime.AddHours(2);
        Assert.InRange(scheduled.ScheduledPublishUtc, expected.AddMinutes(-1), expected);
        var (_, editPage) = await Html.GetAsync(editor, $"/admin/contents/{id}/edit");
        Assert.Contains("Scheduled for", editPage.QuerySelector(".part-publish-later")!.TextContent);
        Assert.Contains(PublishLaterSite.Zone, editPage.QuerySelector(".part-publish-later")!.TextContent);
        var (_, list) = await Html.GetAsync(editor, "/admin/contents/scheduled");
        Assert.Contains(list.QuerySelectorAll("table.list td a"), a => a.TextContent == "Scheduled Summit");
        var (_, contents) = await Html.GetAsync(editor, "/admin/contents?q=Scheduled+Summit");
        var row = contents.QuerySelectorAll("table.list tr").Single(tr => tr.TextContent.Contains("Scheduled Summit", StringComparison.Ordinal));
        Assert.Contains($"Scheduled for {publishAt.Replace('T', ' ')}", row.TextContent);

        var reader = site.CreateReader();
        Assert.DoesNotContain("Scheduled Summit", await reader.GetStringAsync("/"));
        var path = "/" + (await ItemAsync(id))!.As<AutoroutePart>()!.Path;

        site.Clock.Advance(TimeSpan.FromMinutes(118));
        Assert.DoesNotContain(id, await site.RunPublisherAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(path)).StatusCode);

        site.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Contains(id, await site.RunPublisherAsync());

        var published = (await ItemAsync(id))!;
        Assert.True(published.Published);
        Assert.Null(published.As<PublishLaterPart>()!.ScheduledPublishUtc);
        Assert.Null(await RowAsync(id));
        Assert.Contains("Scheduled Summit", await reader.GetStringAsync("/"));
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(path)).StatusCode);
        Assert.Empty(await site.RunPublisherAsync());
    }

    [Theory]
    [InlineData(-5, "must be in the future")]
    [InlineData(0, "must be a date and time")]
    public async Task APastOrUnreadableTime_IsRefusedBesideTheField_AndNothingIsStored(int minutes, string message)
    {
        var editor = await EditorAsync("sched2");
        var fields = ContentEditorTests.PostFields("Too Late", submit: "save");
        fields["PublishLaterPart.PublishAt"] = minutes == 0 ? "next tuesday" : site.LocalInput(TimeSpan.FromMinutes(minutes));
        var before = await DatabaseFingerprint.TakeAsync(site);

        var response = await Accounts.PostFormAsync(editor, NewPost, NewPost, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, page.QuerySelector("[data-valmsg-for='PublishLaterPart.PublishAt']")!.TextContent);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    [Fact]
    public async Task Unschedule_FromTheList_KeepsTheDraft_AndThePublisherLeavesIt()
    {
        var editor = await EditorAsync("sched3");
        var fields = ContentEditorTests.PostFields("Called Off", submit: "save");
        fields["PublishLaterPart.PublishAt"] = site.LocalInput(TimeSpan.FromMinutes(30));
        var id = (await Accounts.PostFormAsync(editor, NewPost, NewPost, fields)).Headers.Location!.OriginalString.Split('/')[3];
        Assert.NotNull(await RowAsync(id));

        var response = await Accounts.PostFormAsync(editor, "/admin/contents/scheduled", $"/admin/contents/{id}/unschedule", new Dictionary<string, string>());

        Assert.Equal("/admin/contents/scheduled", response.Headers.Location!.OriginalString);
        Assert.Null(await RowAsync(id));
        var (_, list) = await Html.GetAsync(editor, "/admin/contents/scheduled");
        Assert.DoesNotContain(list.QuerySelectorAll("table.list td a"), a => a.TextContent == "Called Off");
        site.Clock.Advance(TimeSpan.FromHours(1));
        Assert.DoesNotContain(id, await site.RunPublisherAsync());
        var item = (await ItemAsync(id))!;
        Assert.False(item.Published);
        Assert.Null(item.As<PublishLaterPart>()!.ScheduledPublishUtc);
    }

    [Fact]
    public async Task PublishingByHand_ClearsTheSchedule()
    {
        var editor = await EditorAsync("sched4");
        var fields = ContentEditorTests.PostFields("Out Early", submit: "save");
        fields["PublishLaterPart.PublishAt"] = site.LocalInput(TimeSpan.FromMinutes(30));
        var editUrl = (await Accounts.PostFormAsync(editor, NewPost, NewPost, fields)).Headers.Location!.OriginalString;
        var id = editUrl.Split('/')[3];

        await Accounts.PostFormAsync(editor, editUrl, $"/admin/contents/{id}/publish", new Dictionary<string, string>());

        Assert.Null(await RowAsync(id));
        Assert.Null((await ItemAsync(id))!.As<PublishLaterPart>()!.ScheduledPublishUtc);
    }

    [Fact]
    public async Task AContributor_SeesNoPublishAt_AndCannotPostOne()
    {
        await Accounts.EnsureUserAsync(site, "contrib1", "Contributor");
        var contributor = await Accounts.SignedInClientAsync(site, "contrib1");
        var (_, page) = await Html.GetAsync(contributor, NewPost);
        Assert.Null(page.QuerySelector("input[name='PublishLaterPart.PublishAt']"));
        var fields = ContentEditorTests.PostFields("Sneaky", submit: "save");
        fields["PublishLaterPart.PublishAt"] = site.LocalInput(TimeSpan.FromMinutes(30));
        var before = await DatabaseFingerprint.TakeAsync(site);

        var response = await Accounts.PostFormAsync(contributor, NewPost, NewPost, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("cannot schedule", Html.Parse(await response.Content.ReadAsStringAsync()).QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(site));
    }

    [Fact]
    public async Task TwoNodesRunningAtOnce_PublishEachDueDraftExactlyOnce()
    {
        var ids = await site.InScopeAsync(async sp =>
        {
            var contentManager = sp.GetRequiredService<IContentManager>();
            var made = new List<string>();
            for (var i = 0; i < 6; i++)
            {
                var item = TestPosts.New(contentManager, $"Race {i} {Guid.NewGuid():N}");
                item.Alter<PublishLaterPart>(p => p.ScheduledPublishUtc = site.Clock.GetUtcNow().UtcDateTime.AddMinutes(10));
                made.Add((await contentManager.SaveDraftAsync(item)).ContentItemId);
            }

            return made;
        });
        site.Clock.Advance(TimeSpan.FromMinutes(11));

        var passes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(site.RunPublisherAsync)));

        var published = passes.SelectMany(p => p).Where(ids.Contains).ToList();
        Assert.Equal(ids.Order(), published.Order());
        var versions = await site.InScopeAsync(sp => sp.GetRequiredService<IContentManager>().Query()
            .Where(r => ids.Contains(r.ContentItemId)).CountAsync());
        Assert.Equal(ids.Count, versions);
    }

    private async Task<HttpClient> EditorAsync(string name)
    {
        await Accounts.EnsureUserAsync(site, name, "Editor");
        return await Accounts.SignedInClientAsync(site, name);
    }

    private Task<ContentItem?> ItemAsync(string id)
        => site.InScopeAsync(sp => sp.GetRequiredService<IContentManager>().GetAsync(id, VersionOptions.Latest));

    private Task<ScheduledPublication?> RowAsync(string id) => site.InScopeAsync(sp =>
        sp.GetRequiredService<CmsDbContext>().Set<ScheduledPublication>().AsNoTracking().FirstOrDefaultAsync(s => s.ContentItemId == id));
}
