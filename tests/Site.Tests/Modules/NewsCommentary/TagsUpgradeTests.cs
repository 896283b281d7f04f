using System.Net;
using Cms.Content;
using Cms.ContentDefinitions;
using Microsoft.Extensions.DependencyInjection;
using Modules.NewsCommentary.Models;
using Site.Tests.Infrastructure;
using Site.Tests.Upgrades;

namespace Site.Tests.Modules.NewsCommentary;

/// <summary>A site set up before tags existed (Fixtures/schema-v1): its News Commentary type gains TagsPart at start.</summary>
public sealed class TagsUpgradeTests(SchemaV1SiteFactory site) : IClassFixture<SchemaV1SiteFactory>
{
    private const string SeedId = "4sochimeeting2020091100001";

    [Fact]
    public async Task OldSite_GetsTagsPart_AndItsPostsCanBeTagged()
    {
        var reader = site.CreateReader();
        var (_, before) = await Html.GetAsync(reader, "/tags");
        Assert.Equal("No tags yet.", before.QuerySelector(".empty")!.TextContent.Trim());

        var type = await site.InScopeAsync(sp => sp.GetRequiredService<IContentDefinitionManager>().GetTypeAsync("NewsCommentary"));
        Assert.Contains(type!.ContentTypePartDefinitionRecords, p => p.PartName == nameof(TagsPart));
        Assert.Contains(type.ContentTypePartDefinitionRecords, p => p.PartName == "SourceLinkPart");

        var admin = await Accounts.SignedInClientAsync(site, "fixture-admin", "fixture-password-1");
        var (_, form) = await Html.GetAsync(admin, $"/admin/contents/{SeedId}/edit");
        Assert.NotNull(form.QuerySelector("input[name='TagsPart.Tags']"));

        await site.InScopeAsync(async sp =>
        {
            var contentManager = sp.GetRequiredService<IContentManager>();
            var seed = (await contentManager.GetAsync(SeedId))!;
            await contentManager.PublishAsync(seed.Alter<TagsPart>(p => p.Tags = ["Belarus"]));
        });

        var (response, page) = await Html.GetAsync(reader, "/tags/belarus");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Sochi Meeting"], TaggedPosts.Titles(page));
    }
}
