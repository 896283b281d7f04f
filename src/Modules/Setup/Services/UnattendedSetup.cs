using Cms.Data;
using Cms.Setup;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Modules.Setup.Services;

/// <summary>
/// Sets the site up at start from the "Setup" configuration section (Setup__SiteName, ...) when it is
/// not set up yet and a site name is given. Bad values stop the host with every problem listed.
/// </summary>
public sealed class UnattendedSetup(
    IConfiguration configuration,
    ShellSettingsStore shell,
    IServiceScopeFactory scopes,
    ILogger<UnattendedSetup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var section = configuration.GetSection("Setup");
        if (shell.IsSetUp || string.IsNullOrEmpty(section["SiteName"]))
        {
            return;
        }

        var request = new SetupRequest();
        section.Bind(request);
        request.PasswordConfirmation = null;

        using var scope = scopes.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<ISetupService>().SetupAsync(request);
        if (!result.Succeeded)
        {
            var problems = string.Join(Environment.NewLine, result.Errors.Select(e => $"  Setup:{e.Key}: {e.Value}"));
            throw new InvalidOperationException($"Unattended setup failed; nothing was written:{Environment.NewLine}{problems}");
        }

        logger.LogInformation("The site '{SiteName}' was set up with recipe {Recipe}", request.SiteName, request.RecipeName);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
