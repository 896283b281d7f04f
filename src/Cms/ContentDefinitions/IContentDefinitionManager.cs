namespace Cms.ContentDefinitions;

/// <summary>Reads and changes the site's content types and parts.</summary>
public interface IContentDefinitionManager
{
    Task<IReadOnlyList<ContentTypeDefinition>> ListTypesAsync();

    Task<ContentTypeDefinition?> GetTypeAsync(string name);

    Task<IReadOnlyList<ContentPartDefinition>> ListPartsAsync();

    /// <summary>Changes the definitions document; merges are the caller's to make.</summary>
    Task AlterAsync(Action<ContentDefinitionDocument> change);
}
