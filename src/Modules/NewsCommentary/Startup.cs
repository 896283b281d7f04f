using Cms.Content;
using Cms.Modules;
using Cms.Navigation;
using Modules.NewsCommentary.Drivers;
using Modules.NewsCommentary.Handlers;
using Modules.NewsCommentary.Indexes;
using Microsoft.Extensions.DependencyInjection;
using Modules.NewsCommentary.Models;
using Modules.NewsCommentary.Services;

namespace Modules.NewsCommentary;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(FeatureServices services)
    {
        services.AddContentPart<QuotePart>().UseDriver<QuotePartDriver>();
        services.AddContentPart<AnalysisPart>().UseDriver<AnalysisPartDriver>();
        services.AddContentPart<SourceLinkPart>().UseDriver<SourceLinkPartDriver>();
        services.AddContentPart<TagsPart>().UseDriver<TagsPartDriver>();
        services.AddContentHandler<TagsPartHandler>();
        services.AddModelContributor<TagsModel>();
        services.AddDataMigration<Migrations>();
        services.AddScoped<PostQueries>();
        services.AddScoped<TagQueries>();
        services.AddFeatureBound<ISitemapSource, TagSitemapSource>();
        services.AddScoped<FeedWriter>();
        services.AddScoped<PostMetadataBuilder>();
    }
}
