using Cms.Modules;
using Microsoft.Extensions.Configuration;

namespace Cms.Recipes.Import;

/// <summary>
/// Runs an import: finds the source by name, refuses a file over <c>Import:MaxBytes</c> (50 MB unless
/// configured), converts it, then applies the recipe through <see cref="IRecipeExecutor"/>, so an import
/// is one transaction and its dry run and change report are a recipe's. A refused file writes nothing.
/// </summary>
public sealed class ImportRunner(IEnumerable<FeatureBound<IImportSource>> sources, IFeatureManager features, IRecipeExecutor executor, IConfiguration configuration)
{
    public const long DefaultMaxBytes = 50L * 1024 * 1024;

    public long MaxBytes => configuration.GetValue<long?>("Import:MaxBytes") ?? DefaultMaxBytes;

    /// <summary>The sources of enabled features, by name.</summary>
    public async Task<IReadOnlyList<IImportSource>> ListAsync()
    {
        var enabled = await features.GetEnabledAsync();
        return sources.Where(s => enabled.Contains(s.FeatureId)).Select(s => s.Service).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
    }

    public async Task<ImportResult> RunAsync(string sourceName, Stream file, long length, RecipeExecutionOptions options, CancellationToken cancellationToken = default)
    {
        var available = await ListAsync();
        if (available.FirstOrDefault(s => string.Equals(s.Name, sourceName, StringComparison.OrdinalIgnoreCase)) is not { } source)
        {
            var names = available.Count == 0 ? "none (enable the BlogImport feature)" : string.Join(", ", available.Select(s => s.Name));
            return Refused("", $"There is no import from '{sourceName}'; this site imports from: {names}.");
        }

        if (length > MaxBytes)
        {
            return Refused("", $"The file has {length:N0} bytes; an import takes at most {MaxBytes:N0} (Import:MaxBytes).");
        }

        var conversion = await source.ConvertAsync(file, cancellationToken);
        if (conversion.Errors.Count > 0 || conversion.Recipe is null)
        {
            return new ImportResult(conversion.Errors.Count > 0 ? conversion.Errors : [new ImportNote("", "The file could not be read.")], conversion.Notes, []);
        }

        var result = await executor.ExecuteAsync(conversion.Recipe, options);
        return result.Succeeded
            ? new ImportResult([], conversion.Notes, result.Changes)
            : new ImportResult(result.Errors.Select(e => new ImportNote(conversion.EntryOf(e.Path), e.Message)).ToList(), conversion.Notes, []);
    }

    private static ImportResult Refused(string entry, string message) => new([new ImportNote(entry, message)], [], []);
}
