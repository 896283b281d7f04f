using Cms.Content;
using Cms.Modules;
using Cms.Search;
using Modules.NewsCommentary.Drivers;
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
        services.AddDataMigration<Migrations>();
        services.AddScoped<PostQueries>();
        services.AddScoped<FeedWriter>();
        services.AddScoped<PostMetadataBuilder>();
        services.AddSearchContentProvider<PostSearchContent>();
    }
}
