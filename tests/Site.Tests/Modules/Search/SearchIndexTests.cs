using System.Net;
using Cms.Content;
using Cms.Modules;
using Microsoft.Extensions.DependencyInjection;
using Modules.NewsCommentary.Models;
using Modules.Search.Services;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.Search;

/// <summary>What is found: every searched field of published posts, and nothing a reader cannot see, at once after each change.</summary>
public sealed class SearchIndexTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task SeedPost_IsFound_RightAfterSetup()
    {
        var (response, page) = await SearchPages.GetAsync(site.CreateReader(), "Lukashenko");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Sochi Meeting"], SearchPages.Titles(page));
        Assert.Equal("/2020/09/11/sochi-meeting", page.QuerySelector(".search-result-title a")!.GetAttribute("href"));
        Assert.Equal("2020-09-11", page.QuerySelector(".search-result-date time")!.GetAttribute("datetime"));
    }

    [Fact]
    public async Task Search_FindsTitleHeadlineQuoteAndAnalysisWords()
    {
        await SearchPages.PublishAsync(site, "Walrus Summit", item =>
        {
            item.Alter<QuotePart>(p =>
            {
                p.Headline = "Quokka census released";
                p.Text = "The **narwhal** population grew.\n\n## Counting\n\nMore were seen.";
            });
            item.Alter<AnalysisPart>(p => p.Markdown = "An *axolotl* would disagree.");
        });
        var reader = site.CreateReader();

        foreach (var word in new[] { "walrus", "Quokka", "NARWHAL", "axolotl", "walrus axolotl" })
        {
            Assert.Equal(["Walrus Summit"], await SearchPages.TitlesAsync(reader, word));
        }

        Assert.Empty(await SearchPages.TitlesAsync(reader, "walrus zebra"));
        var (_, page) = await SearchPages.GetAsync(reader, "narwhal");
        Assert.DoesNotContain("**", page.QuerySelector(".search-result-excerpt")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Draft_IsNotFound_UntilPublished()
    {
        var reader = site.CreateReader();
        var id = await site.InScopeAsync(async sp =>
        {
            var contentManager = sp.GetRequiredService<IContentManager>();
            var draft = TestPosts.New(contentManager, "Pangolin Draft");
            return (await contentManager.SaveDraftAsync(draft)).ContentItemId;
        });
        Assert.Empty(await SearchPages.TitlesAsync(reader, "pangolin"));

        await site.InScopeAsync(async sp =>
        {
            var contentManager = sp.GetRequiredService<IContentManager>();
            await contentManager.PublishAsync((await contentManager.GetAsync(id, VersionOptions.Latest))!);
        });

        Assert.Equal(["Pangolin Draft"], await SearchPages.TitlesAsync(reader, "pangolin"));
    }

    [Fact]
    public async Task UnpublishAndDelete_RemoveThePost_AndRepublishBringsItBack()
    {
        var reader = site.CreateReader();
        var (id, _) = await SearchPages.PublishAsync(site, "Tapir Report");
        Assert.Equal(["Tapir Report"], await SearchPages.TitlesAsync(reader, "tapir"));

        await site.InScopeAsync(sp => sp.GetRequiredService<IContentManager>().UnpublishAsync(id));
        Assert.Empty(await SearchPages.TitlesAsync(reader, "tapir"));

        await site.InScopeAsync(async sp =>
        {
            var contentManager = sp.GetRequiredService<IContentManager>();
            await contentManager.PublishAsync((await contentManager.GetAsync(id, VersionOptions.Latest))!);
        });
        Assert.Equal(["Tapir Report"], await SearchPages.TitlesAsync(reader, "tapir"));

        await site.InScopeAsync(sp => sp.GetRequiredService<IContentManager>().RemoveAsync(id));
        Assert.Empty(await SearchPages.TitlesAsync(reader, "tapir"));
    }

    [Fact]
    public async Task EditedPost_IsFoundByNewText_OnlyOncePublished_AndNotByOldText()
    {
        var reader = site.CreateReader();
        var (id, _) = await SearchPages.PublishAsync(site, "Heron Notes", item => item.Alter<AnalysisPart>(p => p.Markdown = "The marmot spoke first."));
        Assert.Equal(["Heron Notes"], await SearchPages.TitlesAsync(reader, "marmot"));

        await site.InScopeAsync(async sp =>
        {
            var contentManager = sp.GetRequiredService<IContentManager>();
            var draft = (await contentManager.GetAsync(id, VersionOptions.Latest))!;
            draft.Alter<AnalysisPart>(p => p.Markdown = "The ocelot spoke first.");
            await contentManager.SaveDraftAsync(draft);
        });
        Assert.Equal(["Heron Notes"], await SearchPages.TitlesAsync(reader, "marmot"));
        Assert.Empty(await SearchPages.TitlesAsync(reader, "ocelot"));

        await site.InScopeAsync(async sp =>
        {
            var contentManager = sp.GetRequiredService<IContentManager>();
            await contentManager.PublishAsync((await contentManager.GetAsync(id, VersionOptions.Latest))!);
        });
        Assert.Equal(["Heron Notes"], await SearchPages.TitlesAsync(reader, "ocelot"));
        Assert.Empty(await SearchPages.TitlesAsync(reader, "marmot"));
    }

    [Fact]
    public async Task Rebuild_GivesTheSameResults()
    {
        var reader = site.CreateReader();
        await SearchPages.PublishAsync(site, "Ibex Rebuild");
        var before = await SearchPages.TitlesAsync(reader, "ibex");

        await site.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Cms.Data.CmsDbContext>();
            await db.InTransactionAsync(async () =>
            {
                await sp.GetRequiredService<SearchIndexer>().RebuildAsync();
                return true;
            });
        });

        Assert.Equal(["Ibex Rebuild"], before);
        Assert.Equal(before, await SearchPages.TitlesAsync(reader, "ibex"));
        Assert.Equal(["Sochi Meeting"], await SearchPages.TitlesAsync(reader, "Lukashenko"));
    }

    [Fact]
    public async Task DisabledFeature_Answers404_AndTheIndexStaysCurrentMeanwhile()
    {
        var reader = site.CreateReader();
        var (id, _) = await SearchPages.PublishAsync(site, "Gecko While Disabled");
        Assert.True((await site.InScopeAsync(sp => sp.GetRequiredService<IFeatureManager>().DisableAsync(["Search"]))).Succeeded);
        try
        {
            Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(SearchPages.Url("gecko"))).StatusCode);
            Assert.Null(Html.Parse(await reader.GetStringAsync("/")).QuerySelector("form[role=search]"));
            await site.InScopeAsync(sp => sp.GetRequiredService<IContentManager>().UnpublishAsync(id));
        }
        finally
        {
            Assert.True((await site.InScopeAsync(sp => sp.GetRequiredService<IFeatureManager>().EnableAsync(["Search"]))).Succeeded);
        }

        Assert.Empty(await SearchPages.TitlesAsync(reader, "gecko"));
        Assert.NotNull(Html.Parse(await reader.GetStringAsync("/")).QuerySelector("form[role=search]"));
    }
}
