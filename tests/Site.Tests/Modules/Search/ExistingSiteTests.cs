using Cms.Modules;
using Microsoft.Extensions.DependencyInjection;
using Site.Tests.Upgrades;

namespace Site.Tests.Modules.Search;

/// <summary>A site made before Search existed: enabling the feature indexes the posts it already has.</summary>
public sealed class ExistingSiteTests(SchemaV1SiteFactory site) : IClassFixture<SchemaV1SiteFactory>
{
    [Fact]
    public async Task EnablingSearch_IndexesThePostsAlreadyPublished()
    {
        var reader = site.CreateReader();
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await reader.GetAsync(SearchPages.Url("Lukashenko"))).StatusCode);

        var enabled = await site.InScopeAsync(sp => sp.GetRequiredService<IFeatureManager>().EnableAsync(["Search"]));

        Assert.True(enabled.Succeeded, enabled.Error);
        Assert.Equal(["Sochi Meeting"], await SearchPages.TitlesAsync(reader, "Lukashenko"));
    }
}
