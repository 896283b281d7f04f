namespace Cms.Data.Transfer;

/// <summary>
/// What a module keeps in the site's database outside the EF model, made from the model's rows and
/// written in the provider's own dialect (the search index: FTS5 on SQLite, tsvector on PostgreSQL).
/// A copy into another database does not carry it: after the rows are in, each is made again there,
/// in the copy's transaction, from the scope whose database is the target.
/// </summary>
public interface IDerivedData
{
    /// <summary>Creates the storage (when the module had made it on the source) and fills it from the copied rows.</summary>
    Task RebuildAsync();
}
