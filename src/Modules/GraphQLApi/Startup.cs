using Cms.Modules;
using GraphQL;
using GraphQL.SystemTextJson;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Modules.ContentApi.Services;
using Modules.GraphQLApi.Services;

namespace Modules.GraphQLApi;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(FeatureServices services)
    {
        services.AddOptions<GraphQLApiOptions>().BindConfiguration(GraphQLApiOptions.Section);
        services.AddSingleton<IDocumentExecuter, DocumentExecuter>();
        services.AddSingleton<GraphQLSerializer>();
        services.AddSingleton<IGraphQLTextSerializer>(sp => sp.GetRequiredService<GraphQLSerializer>());
        services.AddSingleton<ContentSchemaProvider>();
        services.AddSingleton<GraphQLRequestReader>();
        services.AddScoped<ContentGraphQL>();
        services.AddScoped<ContentItemsQuery>();
        services.TryAddScoped<ContentApiSections>();
    }
}
