using Cms.Recipes;
using Cms.Recipes.Export;
using Cms.Settings;
using Microsoft.Extensions.DependencyInjection;
using Modules.Comments.Settings;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.Comments;

/// <summary>A site with member-only comments, exported and applied to a fresh site: the comment settings travel and pass validation.</summary>
public sealed class CommentsExportTests
{
    [Fact]
    public async Task Export_OfACommentingSite_AppliesToAFreshSite()
    {
        using var a = new CommentsSite();
        using var b = new SiteFactory();
        await a.InitializeAsync();
        _ = b.Server;
        await a.SettingsAsync(s => { s.Moderation = "All"; s.CloseAfterDays = 30; }, r => r.Mode = "OpenWithApproval");

        var export = await a.InScopeAsync(sp => sp.GetRequiredService<IRecipeExporter>().ExportAsync());
        var result = await b.InScopeAsync(sp => sp.GetRequiredService<IRecipeExecutor>().ExecuteAsync(export));

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        var settings = await b.InScopeAsync(sp => sp.GetRequiredService<ISiteService>().GetAsync());
        Assert.Equal(ModerationMode.All, settings.Comments().ModerationMode);
        Assert.Equal(30, settings.Comments().CloseAfterDays);
        Assert.Equal(RegistrationMode.OpenWithApproval, settings.Registration().RegistrationMode);
        Assert.Equal("Only a member of this blog may post a comment.", settings.Comments().PolicyNote);
    }
}
