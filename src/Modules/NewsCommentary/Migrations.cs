using System.Text.Json.Nodes;
using Cms.ContentDefinitions;
using Cms.Modules;
using Cms.Security;
using Modules.Contents.Models;
using Modules.NewsCommentary.Models;

namespace Modules.NewsCommentary;

/// <summary>
/// Defines the News Commentary type, the way a recipe's ContentDefinition step would. Version 2 adds
/// TagsPart and gives editors the source link report, so a site set up before either gets them on its next start.
/// </summary>
public sealed class Migrations(IContentDefinitionManager definitions, IRoleStore roles) : IDataMigration
{
    public const string ContentType = "NewsCommentary";

    public async Task<int> CreateAsync()
    {
        await definitions.AlterAsync(document => document.MergeType(new ContentTypeDefinition
        {
            Name = ContentType,
            DisplayName = "News Commentary",
            Settings = new JsonObject
            {
                ["ContentTypeSettings"] = new JsonObject
                {
                    ["Creatable"] = true,
                    ["Listable"] = true,
                    ["Draftable"] = true,
                    ["Versionable"] = true,
                    ["Securable"] = true,
                },
            },
            ContentTypePartDefinitionRecords =
            [
                Part(nameof(TitlePart), 0),
                Part(nameof(AutoroutePart), 1, new JsonObject
                {
                    [nameof(AutoroutePartSettings)] = new JsonObject
                    {
                        ["Pattern"] = AutoroutePartSettings.DefaultPattern,
                        ["AllowCustomPath"] = true,
                    },
                }),
                Part(nameof(QuotePart), 2),
                Part(nameof(AnalysisPart), 3),
                Part(nameof(SourceLinkPart), 4),
            ],
        }));
        return 1;
    }

    public async Task<int> UpdateFromAsync(int version)
    {
        if (version == 1)
        {
            await definitions.AlterAsync(document =>
            {
                // A site whose deployer removed the type is not given a stub of it.
                if (document.ContentTypes.Any(t => t.Name == ContentType))
                {
                    document.MergeType(new ContentTypeDefinition
                    {
                        Name = ContentType,
                        ContentTypePartDefinitionRecords = [Part(nameof(TagsPart), 5)],
                    });
                }
            });

            // Default roles are given out once per feature, so a site made before the source link
            // report would leave its editors without it.
            await roles.AddPermissionsAsync(StandardRoles.Editor, [Permissions.ViewSourceLinkHealth.Name]);
            return 2;
        }

        return version;
    }

    private static ContentTypePartDefinition Part(string name, int position, JsonObject? extra = null)
    {
        var settings = extra ?? [];
        settings["ContentTypePartSettings"] = new JsonObject { ["Position"] = position.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return new ContentTypePartDefinition { PartName = name, Name = name, Settings = settings };
    }
}
