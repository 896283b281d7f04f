using System.Security.Cryptography;
using System.Text.Json;
using Cms.Content;
using Cms.ContentDefinitions;
using GraphQL.Types;
using Microsoft.Extensions.Options;
using Modules.ContentApi.Services;
using Modules.GraphQLApi.Schema;

namespace Modules.GraphQLApi.Services;

/// <summary>
/// The schema for the site's current content definitions, made once per version of them, not per request.
/// The definitions document is cached per process and replaced when it changes (here or, through the
/// cluster's signals, on another node): a new document object is hashed, and only a changed hash makes a
/// new schema, so a cache refill with the same definitions keeps the schema it has.
/// </summary>
public sealed class ContentSchemaProvider(IOptions<ContentPartOptions> parts, IOptions<GraphQLApiOptions> options)
{
    private readonly Lock _building = new();
    private Current? _current;

    /// <summary>How many schemas this process has made (tests: one per change of the definitions).</summary>
    public int Builds { get; private set; }

    public async Task<ISchema> GetAsync(IContentDefinitionManager definitions, IReadOnlyList<IContentApiSection> enabledSections)
    {
        var sections = enabledSections.Select(s => new SectionInfo(s.Name, s.Description, s.PartName, s.Shape)).ToList();
        var types = await definitions.ListTypesAsync();
        var partDefinitions = await definitions.ListPartsAsync();
        if (_current is { } seen && ReferenceEquals(seen.Types, types) && ReferenceEquals(seen.Parts, partDefinitions) && seen.Sections.SequenceEqual(sections))
        {
            return seen.Schema;
        }

        lock (_building)
        {
            var hash = Hash(types, partDefinitions, sections);
            if (_current is not { } current || current.Hash != hash)
            {
                var schema = new ContentSchemaBuilder(parts.Value, options.Value).Build(types, partDefinitions, sections);
                Builds++;
                _current = new Current(types, partDefinitions, sections, hash, schema);
            }
            else
            {
                _current = current with { Types = types, Parts = partDefinitions, Sections = sections };
            }

            return _current.Schema;
        }
    }

    private static string Hash(IReadOnlyList<ContentTypeDefinition> types, IReadOnlyList<ContentPartDefinition> parts, IReadOnlyList<SectionInfo> sections)
        => Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(new { types, parts, sections = sections.Select(s => s.ToString()) })));

    private sealed record Current(object Types, object Parts, IReadOnlyList<SectionInfo> Sections, string Hash, ISchema Schema);
}
