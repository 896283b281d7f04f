using System.Text.Json.Nodes;
using Cms.ContentDefinitions;
using Cms.Modules;

namespace Modules.Forecasts;

/// <summary>Attaches ForecastPart to the News Commentary type when the site has one (a recipe's ContentDefinition step can attach it to others).</summary>
public sealed class Migrations(IContentDefinitionManager definitions) : IDataMigration
{
    public const string NewsCommentary = "NewsCommentary";

    public async Task<int> CreateAsync()
    {
        await definitions.AlterAsync(document =>
        {
            if (document.ContentTypes.Any(t => t.Name == NewsCommentary))
            {
                document.MergeType(new ContentTypeDefinition
                {
                    Name = NewsCommentary,
                    ContentTypePartDefinitionRecords =
                    [
                        new ContentTypePartDefinition
                        {
                            PartName = "ForecastPart",
                            Name = "ForecastPart",
                            Settings = new JsonObject { ["ContentTypePartSettings"] = new JsonObject { ["Position"] = "6" } },
                        },
                    ],
                });
            }
        });
        return 1;
    }

    public Task<int> UpdateFromAsync(int version) => Task.FromResult(version);
}
