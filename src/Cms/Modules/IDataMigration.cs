namespace Cms.Modules;

/// <summary>
/// A feature's migration, as in Orchard: <see cref="CreateAsync"/> builds its first version and
/// returns its number; <see cref="UpdateFromAsync"/> moves from a version to the next and returns
/// the new number, or the same number when there is nothing newer. Versions are stored per feature.
/// </summary>
public interface IDataMigration
{
    Task<int> CreateAsync();

    Task<int> UpdateFromAsync(int version) => Task.FromResult(version);
}
