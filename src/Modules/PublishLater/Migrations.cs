using System.Globalization;
using System.Text.Json.Nodes;
using Cms.ContentDefinitions;
using Cms.Modules;
using Modules.PublishLater.Models;

namespace Modules.PublishLater;

/// <summary>Attaches PublishLaterPart to every draftable type that lists in the admin (News Commentary, Page), after their other parts.</summary>
public sealed class Migrations(IContentDefinitionManager definitions) : IDataMigration
{
    public async Task<int> CreateAsync()
    {
        await definitions.AlterAsync(document =>
        {
            foreach (var type in document.ContentTypes.Where(t => t.GetSettings().Draftable && t.GetSettings().Creatable).ToList())
            {
                if (type.ContentTypePartDefinitionRecords.Any(p => p.PartName == nameof(PublishLaterPart)))
                {
                    continue;
                }

                var position = type.ContentTypePartDefinitionRecords.Count + 10;
                document.MergeType(new ContentTypeDefinition
                {
                    Name = type.Name,
                    ContentTypePartDefinitionRecords =
                    [
                        new ContentTypePartDefinition
                        {
                            PartName = nameof(PublishLaterPart),
                            Name = nameof(PublishLaterPart),
                            Settings = new JsonObject
                            {
                                ["ContentTypePartSettings"] = new JsonObject { ["Position"] = position.ToString(CultureInfo.InvariantCulture) },
                            },
                        },
                    ],
                });
            }
        });
        return 1;
    }
}
