using Cms.Content;
using Cms.Data;
using Cms.Settings;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modules.Contents.Models;
using Modules.NewsCommentary.Models;
using Modules.NewsCommentary.Services;
using Site.Tests.Modules.Comments;
using Site.Tests.Infrastructure;

namespace Site.Tests.Modules.NewsCommentary.LinkHealth;

/// <summary>
/// A site whose posts cite pages of a local <see cref="SourceServer"/>, with a clock tests move forward,
/// a 1 s request timeout, and the checker allowed onto 127.0.0.1. Its background loop is off (as on
/// every test site): tests run passes themselves.
/// </summary>
public sealed class LinkHealthSite : SiteFactory, IAsyncLifetime
{
    public const string SiteUrl = "http://commentary.example.org/";

    // The test client asks for localhost; the site's public address is another, so it answers that name too.
    public LinkHealthSite() => Settings["Cms:AllowedHosts"] = "localhost";

    public AdjustableClock Clock { get; } = new();

    public SourceServer Sources { get; private set; } = null!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("NewsCommentary:LinkCheck:Timeout", "00:00:01");
        builder.UseSetting("NewsCommentary:LinkCheck:AllowPrivateAddresses", "true");
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public async Task InitializeAsync()
    {
        Sources = await SourceServer.StartAsync();
        await InScopeAsync(async sp =>
        {
            // The seed post cites a real newspaper: the checker must never go out to the internet here.
            var db = sp.GetRequiredService<CmsDbContext>();
            var contentManager = sp.GetRequiredService<IContentManager>();
            foreach (var id in await db.ContentItems.Where(r => r.Published).Select(r => r.ContentItemId).ToListAsync())
            {
                await contentManager.RemoveAsync(id);
            }

            await sp.GetRequiredService<ISiteService>().UpdateAsync(s => s.BaseUrl = SiteUrl);
        });
    }

    async Task IAsyncLifetime.DisposeAsync() => await Sources.DisposeAsync();

    /// <summary>Publishes a post citing <paramref name="url"/>.</summary>
    public Task<TestPost> PublishAsync(string url, string? archiveUrl = null, bool publish = true) => InScopeAsync(async sp =>
    {
        var contentManager = sp.GetRequiredService<IContentManager>();
        var item = TestPosts.New(contentManager, "Post citing " + new Uri(url).AbsolutePath.Trim('/'), DateTime.UtcNow);
        item.Alter<SourceLinkPart>(p =>
        {
            p.Url = url;
            p.ArchiveUrl = archiveUrl;
        });
        var stored = publish ? await contentManager.PublishAsync(item) : await contentManager.SaveDraftAsync(item);
        return new TestPost(stored.ContentItemId, "/" + stored.As<AutoroutePart>()!.Path);
    });

    /// <summary>Publishes a new version of the post citing another URL.</summary>
    public Task ChangeUrlAsync(TestPost post, string url) => InScopeAsync(async sp =>
    {
        var contentManager = sp.GetRequiredService<IContentManager>();
        var item = (await contentManager.GetAsync(post.Id, VersionOptions.Latest))!;
        item.Alter<SourceLinkPart>(p => p.Url = url);
        await contentManager.PublishAsync(item);
    });

    public Task<LinkPassResult> RunPassAsync() => InScopeAsync(sp => sp.GetRequiredService<LinkChecker>().RunPassAsync());

    public Task<SourceLinkCheck?> CheckOfAsync(TestPost post) => InScopeAsync(sp =>
        sp.GetRequiredService<CmsDbContext>().Set<SourceLinkCheck>().AsNoTracking().FirstOrDefaultAsync(c => c.ContentItemId == post.Id));

    public static string Marker() => Guid.NewGuid().ToString("N");
}

public sealed record TestPost(string Id, string Path);
