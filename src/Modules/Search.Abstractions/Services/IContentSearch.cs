namespace Modules.Search.Services;

/// <summary>
/// Which items a search finds, for another module's list (the Content API's <c>?q=</c>): the ids of the
/// newest matches (at most the index's ranked limit, so a common word costs the same on any size of
/// site), most relevant first. Registered by the Search module while it is enabled.
/// </summary>
public interface IContentSearch
{
    /// <summary>The limit on matches one search ranks; a caller that gets this many should ask for fewer words.</summary>
    int RankedLimit { get; }

    /// <summary>The ids of matching published items, most relevant first; null when the text holds no word to search for.</summary>
    Task<IReadOnlyList<string>?> FindIdsAsync(string text);
}
