using Cms.Data.Transfer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Data.Backup;

public static class BackupServiceExtensions
{
    /// <summary>Backup, restore and moving the site between databases (the command line and the Backups admin page use them).</summary>
    public static IServiceCollection AddSiteBackup(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<BackupOptions>(configuration.GetSection(BackupOptions.Section));
        services.AddScoped<ISiteBackup, SiteBackup>();
        services.AddSingleton<SiteTransfer>();
        services.AddSingleton<SiteRestore>();
        services.AddSingleton<SiteMove>();
        return services;
    }
}
