namespace Cms.Data;

/// <summary>
/// Named JSON documents (settings, feature state, definitions), cached across requests.
/// A document read with <see cref="GetAsync{T}"/> is shared: treat it as read-only and change it
/// through <see cref="UpdateAsync{T}"/>, which works on a private copy.
/// </summary>
public interface IDocumentStore
{
    Task<T> GetAsync<T>(string id) where T : class, new();

    /// <summary>Reads a private copy, lets <paramref name="change"/> alter it, and saves it.</summary>
    Task<T> UpdateAsync<T>(string id, Action<T> change) where T : class, new();
}
