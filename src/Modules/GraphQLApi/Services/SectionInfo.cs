namespace Modules.GraphQLApi.Services;

/// <summary>What the schema needs of a module's API section (<c>IContentApiSection</c>): never the scoped service itself.</summary>
public sealed record SectionInfo(string Name, string Description, string PartName, Type Shape);
