using Cms.Data;

namespace Cms.ContentDefinitions;

public sealed class ContentDefinitionManager(IDocumentStore documents) : IContentDefinitionManager
{
    public async Task<IReadOnlyList<ContentTypeDefinition>> ListTypesAsync()
        => (await documents.GetAsync<ContentDefinitionDocument>(ContentDefinitionDocument.DocumentId)).ContentTypes;

    public async Task<ContentTypeDefinition?> GetTypeAsync(string name)
        => (await ListTypesAsync()).FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));

    public async Task<IReadOnlyList<ContentPartDefinition>> ListPartsAsync()
        => (await documents.GetAsync<ContentDefinitionDocument>(ContentDefinitionDocument.DocumentId)).ContentParts;

    public Task AlterAsync(Action<ContentDefinitionDocument> change)
        => documents.UpdateAsync(ContentDefinitionDocument.DocumentId, change);
}
