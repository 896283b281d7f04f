using Cms.Hosting;
using Cms.Modules;
using Cms.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Modules.Users.Services;

namespace Modules.Users;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(FeatureServices services)
    {
        services.AddPermissions<Permissions>();
        services.AddNavigationProvider<AdminMenu>();

        // Registered after the framework's, so this one is used: disabled users cannot sign in.
        services.AddScoped<SignInManager<CmsUser>, UserSignInManager>();

        // A disabled user's or changed password's cookies stop working within a minute on every node
        // (the stamp is in the database); the default half hour is too long for "signed out everywhere".
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddSingleton<PasswordTimingGuard>();
        services.AddScoped<AccountSignIn>();
        services.AddScoped<PermissionGroups>();
        services.AddScoped<AssignableRoles>();
        services.AddScoped<UserAccounts>();
        services.AddScoped<HeldPermissions>();
        services.AddRateLimitRule(RateLimitRules.SignIn, RateLimitRules.SignInDefaults);
        services.AddRateLimitRule(RateLimitRules.PasswordReset, RateLimitRules.PasswordResetDefaults);
    }
}
