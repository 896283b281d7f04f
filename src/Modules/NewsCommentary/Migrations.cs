using System.Text.Json.Nodes;
using Cms.ContentDefinitions;
using Cms.Modules;
using Cms.Security;
using Modules.Contents.Models;
using Modules.NewsCommentary.Models;

namespace Modules.NewsCommentary;

/// <summary>Defines the News Commentary type, the way a recipe's ContentDefinition step would.</summary>
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
