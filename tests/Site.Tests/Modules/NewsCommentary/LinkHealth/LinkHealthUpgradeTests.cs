using Cms.Data;
using Cms.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modules.NewsCommentary.Models;
using Modules.NewsCommentary.Services;
using Site.Tests.Upgrades;

namespace Site.Tests.Modules.NewsCommentary.LinkHealth;

/// <summary>A site made before source link health: its editors get the report, and its posts get checked.</summary>
public sealed class LinkHealthUpgradeTests(SchemaV1SiteFactory site) : IClassFixture<SchemaV1SiteFactory>
{
    [Fact]
    public async Task OldSite_GivesEditorsTheReport_AndTracksItsPublishedPosts() => await site.InScopeAsync(async sp =>
    {
        var roles = await sp.GetRequiredService<IRoleStore>().ListAsync();
        Assert.Contains(global::Modules.NewsCommentary.Permissions.ViewSourceLinkHealth.Name, roles.Single(r => r.Name == StandardRoles.Editor).Permissions);

        var db = sp.GetRequiredService<CmsDbContext>();
        Assert.Empty(await db.Set<SourceLinkCheck>().ToListAsync());

        // The pass starts by adding the rows; calling that step alone keeps this test off the internet.
        await sp.GetRequiredService<LinkCheckStore>().SyncAsync(CancellationToken.None);

        var published = await db.ContentItems.Where(r => r.Published && r.ContentType == "NewsCommentary").Select(r => r.ContentItemId).ToListAsync();
        var checks = await db.Set<SourceLinkCheck>().AsNoTracking().ToListAsync();
        Assert.NotEmpty(published);
        Assert.Equal(published.Order(StringComparer.Ordinal), checks.Select(c => c.ContentItemId).Order(StringComparer.Ordinal));
        Assert.All(checks, c => Assert.True(c.Published && c.Outcome == LinkOutcome.Unchecked && c.LastCheckedUtc is null && c.Url.StartsWith("http", StringComparison.Ordinal)));
    });
}
