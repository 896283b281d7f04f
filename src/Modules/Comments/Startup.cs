using Cms.Content;
using Cms.Display;
using Cms.Hosting;
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
        services.AddModelContributor<PendingRegistrationModel>();
        services.AddRecipeStep<Recipes.CommentsStep>();
        services.AddPermissions<Permissions>();
        services.AddNavigationProvider<AdminMenu>();
        services.AddFeatureBound<ISettingsSectionValidator, CommentSettingsValidator>();
        services.AddFeatureBound<ISettingsSectionValidator, RegistrationSettingsValidator>();
        services.AddFeatureBound<ISiteSettingsSection, CommentPolicySiteSettings>();

        // Comments
        services.AddScoped<CommentTargets>();
        services.AddScoped<CommentPolicy>();
        services.AddScoped<CommentText>();
        services.AddScoped<CommentRules>();
        services.AddScoped<CommentWriter>();
        services.AddSingleton<CommentMetrics>();
        services.AddScoped<CommentModeration>();
        services.AddScoped<CommentThreadQuery>();
        services.AddSingleton<PublicContentCache<ThreadPage>>();
        services.AddSingleton<PublicContentCache<int>>();
        services.AddSingleton<PublicContentCache<IReadOnlySet<string>>>();
        services.AddScoped<CommentThreadBuilder>();
        services.AddScoped<CommentCounts>();
        services.AddScoped<CommentFeedWriter>();
        services.AddScoped<PostPaths>();
        services.AddScoped<ModerationQueueQuery>();
        services.AddPublicCacheQueryKey(CommentThreadBuilder.PageParameter);

        // Membership
        services.AddScoped<NewAccounts>();
        services.AddScoped<Membership>();
        services.AddScoped<Invitations>();
        services.AddScoped<SignUps>();
        services.AddRateLimitRule(RateLimitRules.Registration, RateLimitRules.RegistrationDefaults);
        services.AddRateLimitRule(RateLimitRules.Invitation, RateLimitRules.InvitationDefaults);
        services.AddRateLimitRule(RateLimitRules.Comment, RateLimitRules.CommentDefaults);
    }
}
