using System.Text;
using System.Text.Json.Nodes;
using Cms.Content;
using Cms.ContentDefinitions;
using Cms.Data;
using Cms.Modules;
using Cms.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Cms.Recipes;

public sealed class RecipeExecutor(
    IServiceProvider services,
    CmsDbContext db,
    IFeatureManager features,
    IDocumentStore documents,
    IEnumerable<FeatureBound<IRecipeStepHandler>> handlers,
    IEnumerable<FeatureBound<IPermissionProvider>> permissionProviders,
    IRecipeHarvester harvester,
    IConfiguration configuration,
    Telemetry.CmsMetrics metrics,
    ILogger<RecipeExecutor> logger) : IRecipeExecutor
{
    /// <summary>Steps Orchard has that this site does not; named so the error says so plainly.</summary>
    private static readonly HashSet<string> s_orchardOnlySteps = new(StringComparer.OrdinalIgnoreCase)
    {
        "media", "AdminMenu", "Templates", "AdminTemplates", "layers", "queries", "lucene-index", "elastic-index",
        "WorkflowType", "deployment", "custom-settings", "Placements", "Sitemaps", "ShortcodeTemplates", "Translations",
        "Command", "azureai-index", "Users", "OpenIdApplication", "OpenIdScope",
    };

    public Task<RecipeResult> ValidateAsync(string recipeText, RecipeExecutionOptions? options = null)
        => ValidateAsync(Encoding.UTF8.GetBytes(recipeText), options);

    public async Task<RecipeResult> ValidateAsync(ReadOnlyMemory<byte> utf8Recipe, RecipeExecutionOptions? options = null)
    {
        var (recipe, error) = RecipeReader.Parse(utf8Recipe);
        if (recipe is null)
        {
            return RecipeResult.Failed(error!);
        }

        var (steps, errors) = new RecipePreparer(harvester, configuration).Prepare(recipe, options ?? new());
        if (errors.Count > 0)
        {
            return new RecipeResult(errors, []);
        }

        return new RecipeResult(await ValidateStepsAsync(steps), []);
    }

    // Not async: the text (twice the size of the file) is not kept alive while the recipe runs, only its UTF-8.
    public Task<RecipeResult> ExecuteAsync(string recipeText, RecipeExecutionOptions? options = null)
        => ExecuteAsync(Encoding.UTF8.GetBytes(recipeText), options);

    // The parsed recipe keeps the bytes: a content step's items are read from them one batch at a time.
    public Task<RecipeResult> ExecuteAsync(ReadOnlyMemory<byte> utf8Recipe, RecipeExecutionOptions? options = null)
    {
        var (recipe, error) = RecipeReader.Parse(utf8Recipe);
        return recipe is null ? Task.FromResult(RecipeResult.Failed(error!)) : RunAsync(recipe, options ?? new());
    }

    // A recipe built in code (an export) holds .NET values such as DateTime; read as its text would be,
    // every value has the JSON type a file gives it, and validation sees the same. Written as UTF-8 and read
    // back as a file would be, its items are then read one batch at a time too.
    public Task<RecipeResult> ExecuteAsync(JsonObject recipe, RecipeExecutionOptions? options = null)
    {
        // Only what JSON itself must escape is escaped: an item with no escape need not be parsed by the preparer.
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            recipe.WriteTo(writer);
        }

        return ExecuteAsync(buffer.WrittenMemory, options);
    }

    private async Task<RecipeResult> RunAsync(JsonObject recipe, RecipeExecutionOptions options)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var outcome = "failed";
        try
        {
            var result = await ApplyAsync(recipe, options);
            outcome = !result.Succeeded ? "refused" : options.DryRun ? "dry_run" : "applied";
            return result;
        }
        finally
        {
            metrics.RecipeRun(outcome, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
    }

    private async Task<RecipeResult> ApplyAsync(JsonObject recipe, RecipeExecutionOptions options)
    {
        if (options.DryRun && db.Database.CurrentTransaction is not null)
        {
            // Rolling back would take the caller's work with it.
            throw new InvalidOperationException("A dry run rolls back its own transaction, so it cannot run inside another one.");
        }

        var (steps, errors) = new RecipePreparer(harvester, configuration).Prepare(recipe, options);
        if (errors.Count > 0)
        {
            return new RecipeResult(errors, []);
        }

        var validationErrors = await ValidateStepsAsync(steps);
        if (validationErrors.Count > 0)
        {
            return new RecipeResult(validationErrors, []);
        }

        var context = new RecipeApplyContext(services);
        RecipeStep? current = null;
        try
        {
            await db.InTransactionAsync(async () =>
            {
                foreach (var step in steps)
                {
                    current = step;
                    await FindHandler(step.Name)!.Service.ApplyAsync(step, context);
                }

                return options.DryRun ? throw new DryRunRollback() : true;
            });
        }
        catch (DryRunRollback)
        {
            // Rolled back on purpose: the changes were seen, none was kept.
        }
        catch (Exception ex) when (ex is ContentOperationException or RecipeApplyException)
        {
            return RecipeResult.Failed(new RecipeError(current?.Index, current?.Name, current?.Path ?? "$", ex.Message));
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Applying recipe step {Step} failed", current?.Path);
            return RecipeResult.Failed(new RecipeError(current?.Index, current?.Name, current?.Path ?? "$",
                "The step could not be applied and nothing was changed; the site's log has the details."));
        }

        return new RecipeResult([], context.Changes);
    }

    private async Task<List<RecipeError>> ValidateStepsAsync(List<RecipeStep> steps)
    {
        var enabled = new HashSet<string>(await features.GetEnabledAsync(), StringComparer.OrdinalIgnoreCase);
        var definitions = await documents.GetAsync<ContentDefinitionDocument>(ContentDefinitionDocument.DocumentId);
        var context = new RecipeValidationContext(enabled, definitions, PermissionsFor, services);
        foreach (var step in steps)
        {
            context.BeginStep(step);
            var handler = FindHandler(step.Name);
            if (handler is null)
            {
                context.Error("name", s_orchardOnlySteps.Contains(step.Name)
                    ? $"Step '{step.Name}' is an Orchard Core step that this site does not support."
                    : $"There is no recipe step named '{step.Name}'.");
                continue;
            }

            if (!context.EnabledFeatures.Contains(handler.FeatureId))
            {
                context.Error("name", $"Step '{step.Name}' needs feature '{handler.FeatureId}', which is not enabled; enable it in an earlier 'feature' step.");
                continue;
            }

            handler.Service.Validate(step, context);
        }

        return context.Errors.ToList();
    }

    private FeatureBound<IRecipeStepHandler>? FindHandler(string name)
        => handlers.FirstOrDefault(h => string.Equals(h.Service.Name, name, StringComparison.OrdinalIgnoreCase));

    private IReadOnlySet<string> PermissionsFor(IReadOnlySet<string> enabled, IReadOnlyCollection<string> securableTypes)
    {
        var active = permissionProviders.Where(p => enabled.Contains(p.FeatureId)).ToList();
        return active.SelectMany(p => p.Service.GetPermissions())
            .Concat(active.SelectMany(p => p.Service.GetTypePermissions(securableTypes)))
            .Select(p => p.Name)
            .ToHashSet(StringComparer.Ordinal);
    }
}

/// <summary>Thrown at the end of a dry run so that the transaction rolls back.</summary>
internal sealed class DryRunRollback : Exception
{
}

/// <summary>A step that finds, while applying, that it cannot go on; the message is for the deployer.</summary>
public sealed class RecipeApplyException(string message) : Exception(message)
{
}
