using Cms.Content;
using Cms.Data.Backup;
using Cms.Display;
using Cms.Modules;
using Cms.Recipes.Export;
using Microsoft.Extensions.DependencyInjection;
using Modules.Media.Handlers;
using Modules.Media.Models;
using Modules.Media.Recipes;
using Modules.Media.Services;

namespace Modules.Media;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(FeatureServices services)
    {
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.Section);
        services.AddModelContributor<MediaModel>();
        services.AddPermissions<Permissions>();
        services.AddNavigationProvider<AdminMenu>();
        services.AddContentHandler<MediaUsageHandler>();
        services.AddRecipeStep<MediaStep>();
        services.AddExportStep<MediaExportStep>();
        services.AddBackupFolder<MediaBackupFolder>();
        services.AddEditorScript("/_content/Media/media-editor.js");
        services.AddSingleton<MediaFolder>();
        services.AddSingleton<ImageCheck>();
        services.AddSingleton<MediaVariants>();
        services.AddScoped<MediaUsages>();
        services.AddScoped<MediaLibrary>();
    }
}
