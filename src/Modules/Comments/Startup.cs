using Cms.Content;
using Cms.Modules;
using Cms.Settings;
using Microsoft.Extensions.DependencyInjection;
using Modules.Comments.Drivers;
using Modules.Comments.Models;
using Modules.Comments.Services;
using Modules.Comments.Settings;

namespace Modules.Comments;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(FeatureServices services)
    {
        services.AddContentPart<CommentsPart>().UseDriver<CommentsPartDriver>();
        services.AddModelContributor<CommentsModel>();
        services.AddPermissions<Permissions>();
        services.AddNavigationProvider<AdminMenu>();
        services.AddFeatureBound<ISettingsSectionValidator, CommentSettingsValidator>();
        services.AddFeatureBound<ISettingsSectionValidator, RegistrationSettingsValidator>();

        // Comments
        services.AddScoped<CommentTargets>();
        services.AddScoped<CommentPolicy>();
        services.AddScoped<CommentText>();
        services.AddScoped<CommentRules>();
        services.AddScoped<CommentWriter>();
        services.AddSingleton<CommentMetrics>();
        services.AddScoped<CommentModeration>();
        services.AddScoped<CommentThreadQuery>();
        services.AddScoped<CommentThreadBuilder>();
        services.AddScoped<CommentCounts>();
        services.AddScoped<CommentFeedWriter>();
        services.AddScoped<PostPaths>();

        // Membership
        services.AddScoped<NewAccounts>();
        services.AddScoped<Membership>();
        services.AddScoped<Invitations>();
    }
}
