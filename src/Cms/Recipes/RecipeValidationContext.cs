using Cms.ContentDefinitions;

namespace Cms.Recipes;

/// <summary>
/// The site as the recipe's earlier steps will have left it, so a later step can use a feature,
/// type or role that an earlier step adds. Validation only reads; it never writes.
/// </summary>
public sealed class RecipeValidationContext(
    HashSet<string> enabledFeatures,
    ContentDefinitionDocument definitions,
    Func<IReadOnlySet<string>, IReadOnlyCollection<string>, IReadOnlySet<string>> permissionsFor,
    IServiceProvider services)
{
    private readonly List<RecipeError> _errors = [];
    private RecipeStep? _step;

    public IServiceProvider Services { get; } = services;

    public HashSet<string> EnabledFeatures { get; } = enabledFeatures;

    /// <summary>Type name to its part names, as defined so far.</summary>
    public Dictionary<string, HashSet<string>> ContentTypes { get; } = definitions.ContentTypes.ToDictionary(
        t => t.Name,
        t => t.ContentTypePartDefinitionRecords.Select(p => p.PartName).ToHashSet(StringComparer.Ordinal),
        StringComparer.Ordinal);

    /// <summary>Types whose settings say Securable, as defined so far: they have per-type permissions.</summary>
    public HashSet<string> SecurableTypes { get; } = definitions.ContentTypes.Where(t => t.GetSettings().Securable).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>Parts defined in the definitions document (not code parts), as defined so far.</summary>
    public HashSet<string> DefinedParts { get; } = definitions.ContentParts.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

    public IReadOnlyList<RecipeError> Errors => _errors;

    /// <summary>Permission names that the features enabled so far declare.</summary>
    public IReadOnlySet<string> KnownPermissions() => permissionsFor(EnabledFeatures, SecurableTypes);

    internal void BeginStep(RecipeStep step) => _step = step;

    /// <summary>Reports an error at a path relative to the current step (e.g. "Data[0].ContentType").</summary>
    public void Error(string relativePath, string message)
    {
        var path = _step is null ? relativePath : relativePath.Length == 0 ? _step.Path : $"{_step.Path}.{relativePath}";
        _errors.Add(new RecipeError(_step?.Index, _step?.Name, path, message));
    }

    internal void AddError(RecipeError error) => _errors.Add(error);
}

/// <summary>What a step needs while it writes: the values setup passed in, and a log of changes.</summary>
public sealed class RecipeApplyContext(IServiceProvider services)
{
    private readonly Dictionary<string, object?> _firstSeen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _reported = new(StringComparer.Ordinal);

    public IServiceProvider Services { get; } = services;

    public List<string> Changes { get; } = [];

    /// <summary>The state of a thing (a role, ...) when this run first touched it: <paramref name="now"/> the first time, the same value after.</summary>
    public T FirstSeen<T>(string key, T now)
    {
        if (_firstSeen.TryGetValue(key, out var first))
        {
            return (T)first!;
        }

        _firstSeen[key] = now;
        return now;
    }

    /// <summary>
    /// Reports how a thing differs from its <see cref="FirstSeen"/> state, in place of what an earlier step
    /// said about it (null: it is as it was). A setup recipe that sets roles, then runs a recipe that adds
    /// to them, reports each role once; applied again, it reports nothing.
    /// </summary>
    public void Report(string key, string? change)
    {
        var index = _reported.TryGetValue(key, out var earlier) ? Changes.IndexOf(earlier) : -1;
        if (index >= 0 && change is not null)
        {
            Changes[index] = change;
        }
        else if (index >= 0)
        {
            Changes.RemoveAt(index);
        }
        else if (change is not null)
        {
            Changes.Add(change);
        }

        if (change is null)
        {
            _reported.Remove(key);
        }
        else
        {
            _reported[key] = change;
        }
    }
}
