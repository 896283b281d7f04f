using Cms.Content;
using Cms.Display;
using Cms.Modules;
using Cms.Recipes;
using Cms.Recipes.Export;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Modules.ContentApi.Services;
using Modules.Contents.Services;
using Modules.NewsCommentary.Drivers;
using Modules.NewsCommentary.Handlers;
using Modules.NewsCommentary.Indexes;
using Modules.NewsCommentary.Models;
using Modules.NewsCommentary.Services;
using Modules.NewsCommentary.ViewModels;
using Modules.Search.Services;

namespace Modules.NewsCommentary;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(FeatureServices services)
    {
        services.AddContentPart<QuotePart>().UseDriver<QuotePartDriver>();
        services.AddContentPart<AnalysisPart>().UseDriver<AnalysisPartDriver>();
        services.AddContentPart<SourceLinkPart>().UseDriver<SourceLinkPartDriver>();
        services.AddContentPart<TagsPart>().UseDriver<TagsPartDriver>().UseDriver<PostNavigationDriver>();
        services.AddContentHandler<TagsPartHandler>();
        services.AddContentHandler<QuoteSourceHandler>();
        services.AddModelContributor<TagsModel>();
        services.AddDataMigration<Migrations>();
        services.AddPermissions<Permissions>();
        services.AddNavigationProvider<AdminMenu>();
        services.AddScoped<PostQueries>();
        services.AddSingleton<ArchiveMonths>();
        services.AddSingleton<PublicContentCache<PostNavigationViewModel?>>();
        services.AddSingleton<PublicContentCache<PostQueries.KeptPage>>();
        services.AddScoped<TagQueries>();
        services.AddScoped<PostNavigationQuery>();
        services.AddFeatureBound<ISitemapSource, TagSitemapSource>();
        services.AddFeatureBound<IContentListFilter, TagListFilter>();
        services.AddScoped<FeedWriter>();
        services.AddContentMetadataProvider<PostMetadataProvider>();
        services.AddSearchContentProvider<PostSearchContent>();
        AddLinkHealth(services);
    }

    /// <summary>Source link health: the table, the handler that keeps it, the checker and its background loop.</summary>
    private static void AddLinkHealth(FeatureServices services)
    {
        services.AddModelContributor<LinkHealthModel>();
        services.AddContentHandler<SourceLinkCheckHandler>();
        services.AddOptions<LinkCheckOptions>().BindConfiguration(LinkCheckOptions.Section);
        services.AddHttpClient(LinkProbe.ClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan) // each request has its own deadline
            .RemoveAllLoggers() // four lines per request, and a stack trace per failure; LinkChecker logs one line per failed check
            .ConfigurePrimaryHttpMessageHandler(sp => LinkCheckHttpHandler.Create(
                sp.GetRequiredService<IOptions<LinkCheckOptions>>().Value.AllowPrivateAddresses));
        services.AddSingleton<LinkProbe>();
        services.AddSingleton<SourcePageReader>();
        services.AddScoped<QuoteDriftQuery>();
        services.AddContentApiSection<QuoteDriftApiSection>();
        services.AddScoped<LinkCheckUserAgent>();
        services.AddScoped<LinkCheckStore>();
        services.AddScoped<LinkChecker>();
        services.AddRecipeStep<Recipes.QuoteDriftStep>();
        services.AddExportStep<Recipes.QuoteDriftExportStep>();
        services.AddScoped<LinkHealthQuery>();
        services.AddBackgroundTask<LinkCheckWorker>(sp => LinkCheckWorker.Schedule(sp.GetRequiredService<IOptions<LinkCheckOptions>>().Value));
    }
}
