using Cms.Modules;
using Microsoft.Extensions.DependencyInjection;
using Modules.Email.Services;

namespace Modules.Email;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(FeatureServices services)
    {
        services.AddPermissions<Permissions>();
        services.AddNavigationProvider<AdminMenu>();
        services.AddScoped<EmailSettingsService>();
        services.AddScoped<IEmailSender, MailKitEmailSender>();
    }
}
