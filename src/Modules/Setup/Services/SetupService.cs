using Cms.Content;
using Cms.Data;
using Cms.Hosting;
using Cms.Recipes;
using Cms.Security;
using Cms.Settings;
using Cms.Setup;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Modules.Setup.Services;

/// <summary>
/// Creates the database, applies the setup recipe and creates the admin user in one transaction;
/// App_Data/site.json is written last, so a failed setup leaves the site still waiting for setup.
/// </summary>
public sealed class SetupService(
    IServiceScopeFactory scopes,
    ShellSettingsStore shell,
    IRecipeHarvester recipes,
    DocumentCache documentCache,
    SetupLock setupLock,
    TimeProvider clock,
    IConfiguration configuration,
    ILogger<SetupService> logger) : ISetupService
{
    private bool BaseUrlConfigured => PublicBaseUrl.Configured(configuration) is not null;

    public Task<IReadOnlyDictionary<string, string>> ValidateAsync(SetupRequest request)
        => Task.FromResult<IReadOnlyDictionary<string, string>>(SetupValidator.Validate(WithRecipe(request), recipes, BaseUrlConfigured));

    /// <summary>A request that names no recipe gets the setup recipe marked default.</summary>
    private SetupRequest WithRecipe(SetupRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.RecipeName))
        {
            request.RecipeName = recipes.List().FirstOrDefault(r => r.IsSetupRecipe && r.IsDefault)?.Name ?? "";
        }

        return request;
    }

    public async Task<SetupResult> SetupAsync(SetupRequest request)
    {
        var errors = SetupValidator.Validate(WithRecipe(request), recipes, BaseUrlConfigured);
        if (errors.Count > 0)
        {
            return SetupResult.Failed(errors);
        }

        await setupLock.Gate.WaitAsync();
        try
        {
            if (shell.IsSetUp)
            {
                return SetupResult.Failed(new Dictionary<string, string> { [""] = "This site is already set up." });
            }

            var settings = new SiteShellSettings
            {
                DatabaseProvider = request.DatabaseProvider,
                ConnectionString = string.IsNullOrWhiteSpace(request.ConnectionString) && request.DatabaseProvider == SiteShellSettings.Sqlite
                    ? shell.DefaultSqliteConnectionString()
                    : request.ConnectionString!.Trim(),
                TablePrefix = request.TablePrefix?.Trim() ?? "",
            };
            Directory.CreateDirectory(shell.AppDataPath);
            shell.Use(settings);
            documentCache.Clear();
            var failure = await RunAsync(request);
            if (failure is not null)
            {
                shell.Use(null);
                documentCache.Clear();
                return SetupResult.Failed(failure);
            }

            shell.Save(settings);
            return SetupResult.Ok();
        }
        finally
        {
            setupLock.Gate.Release();
        }
    }

    private async Task<Dictionary<string, string>?> RunAsync(SetupRequest request)
    {
        using var scope = scopes.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<CmsDbContext>();
        try
        {
            await CreateSchemaAsync(db);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogError(ex, "Setup could not reach or create the database");
            return new() { [nameof(request.ConnectionString)] = $"The database could not be reached or created: {ex.GetBaseException().Message}" };
        }

        var adminId = IdGenerator.NewId();
        var recipe = recipes.Find(request.RecipeName)!;
        try
        {
            return await db.InTransactionAsync(async () =>
            {
                var result = await services.GetRequiredService<IRecipeExecutor>().ExecuteAsync(recipe.ReadText(), new RecipeExecutionOptions
                {
                    Parameters = new(StringComparer.Ordinal)
                    {
                        ["SiteName"] = request.SiteName.Trim(),
                        ["AdminUserId"] = adminId,
                        ["AdminUsername"] = request.AdminUserName,
                        ["AdminEmail"] = request.AdminEmail,
                    },
                });
                if (!result.Succeeded)
                {
                    throw new SetupFailedException(new() { [nameof(request.RecipeName)] = "The setup recipe failed: " + string.Join(" ", result.Errors) });
                }

                await services.GetRequiredService<ISiteService>().UpdateAsync(s =>
                {
                    s.SiteName = request.SiteName.Trim();
                    s.TimeZoneId = request.TimeZoneId;
                    s.BaseUrl = PublicBaseUrl.TryNormalize(request.BaseUrl, out var baseUrl, out _) ? baseUrl : "";
                });
                await CreateAdminAsync(services, request, adminId);
                await services.GetRequiredService<SchemaCheck>().MarkUpToDateAsync();
                return (Dictionary<string, string>?)null;
            });
        }
        catch (SetupFailedException ex)
        {
            return ex.Errors;
        }
    }

    private static async Task CreateSchemaAsync(CmsDbContext db)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync())
        {
            await creator.CreateAsync();
        }

        if (db.Database.IsSqlite())
        {
            // Readers never wait for the writer, and the file survives a crash mid-write.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        // The same additive upgrader that brings old databases up to date creates a new one's tables
        // (and leaves other applications' tables in a shared database alone).
        await new SchemaUpgrader(db).UpgradeAsync();
    }

    private async Task CreateAdminAsync(IServiceProvider services, SetupRequest request, string adminId)
    {
        var users = services.GetRequiredService<UserManager<CmsUser>>();
        var user = new CmsUser
        {
            Id = adminId,
            UserName = request.AdminUserName,
            Email = request.AdminEmail,
            EmailConfirmed = true,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, request.AdminPassword);
        if (!created.Succeeded)
        {
            throw new SetupFailedException(new() { [nameof(request.AdminPassword)] = string.Join(" ", created.Errors.Select(e => e.Description)) });
        }

        await services.GetRequiredService<IRoleStore>().AddPermissionsAsync(StandardRoles.Administrator, []);
        var added = await users.AddToRoleAsync(user, StandardRoles.Administrator);
        if (!added.Succeeded)
        {
            throw new SetupFailedException(new() { [nameof(request.AdminUserName)] = string.Join(" ", added.Errors.Select(e => e.Description)) });
        }
    }

    private sealed class SetupFailedException(Dictionary<string, string> errors) : Exception("Setup failed.")
    {
        public Dictionary<string, string> Errors { get; } = errors;
    }
}
