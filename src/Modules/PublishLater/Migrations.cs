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

                // After the type's parts, but before a part added later with the next whole position
                // (CommentsPart, whose thread closes the post page); the part shows nothing on the page.
                var position = type.ContentTypePartDefinitionRecords.Select(p => p.Position ?? 0).DefaultIfEmpty(0).Max() + 0.5;
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
