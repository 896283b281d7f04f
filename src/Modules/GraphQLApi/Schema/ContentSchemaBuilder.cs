using System.Text.Json.Nodes;
using Cms.Content;
using Cms.ContentDefinitions;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Modules.ContentApi.Services;
using Modules.GraphQLApi.Services;

namespace Modules.GraphQLApi.Schema;

/// <summary>
/// Makes the schema from the content definitions: an object type per content type (its common fields and a
/// field per part, in the type's part order), a list query per creatable or listable type
/// (<c>newsCommentary(first, skip, status, where)</c>), and <c>contentItem(contentItemId, status)</c> for any type.
/// </summary>
public sealed class ContentSchemaBuilder(ContentPartOptions registeredParts, GraphQLApiOptions limits)
{
    public ISchema Build(IReadOnlyList<ContentTypeDefinition> types, IReadOnlyList<ContentPartDefinition> parts, IReadOnlyList<SectionInfo> sections)
    {
        var names = new GraphNames();
        var json = new JsonGraphType();
        var partTypes = new PartGraphTypes(registeredParts, parts, names, json);
        var arguments = new ContentQueryArguments(limits);
        var contentItem = new InterfaceGraphType { Name = "ContentItem", Description = "What every content item has, whatever its type." };
        ContentItemFields.AddTo(contentItem, resolve: false);
        var query = new ObjectGraphType { Name = "Query", Description = "The site's content, read-only." };
        var byType = new Dictionary<string, IObjectGraphType>(StringComparer.Ordinal);

        foreach (var type in types)
        {
            var graphType = new ObjectGraphType { Name = names.Type(type.Name), Description = type.DisplayName };
            ContentItemFields.AddTo(graphType);
            foreach (var part in type.OrderedParts())
            {
                var fieldName = GraphNames.Field(part.Name);
                if (!graphType.HasField(fieldName))
                {
                    var partName = part.Name;
                    graphType.AddField(new FieldType
                    {
                        Name = fieldName,
                        Description = $"The item's {part.PartName}.",
                        ResolvedType = partTypes.For(part.PartName),
                        Resolver = new FuncFieldResolver<object?>(context => (context.Source as ContentItem)?.Content[partName] as JsonObject),
                    });
                }
            }

            AddSections(graphType, type, sections, partTypes);
            graphType.AddResolvedInterface(contentItem);
            contentItem.AddPossibleType(graphType);
            byType[type.Name] = graphType;
            if (type.GetSettings() is { Creatable: true } or { Listable: true })
            {
                var typeName = type.Name;
                query.AddField(new FieldType
                {
                    Name = GraphNames.Field(type.Name),
                    Description = $"{type.DisplayName} items, newest first.",
                    ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(graphType))),
                    Arguments = arguments.ForList(),
                    Resolver = new FuncFieldResolver<object?>(async context => await Items(context)
                        .ListAsync(arguments.ListRequest(context, typeName), context.User!)),
                });
            }
        }

        contentItem.ResolveType = value => value is ContentItem item ? byType.GetValueOrDefault(item.ContentType) : null;
        query.AddField(new FieldType
        {
            Name = "contentItem",
            Description = "One item by its id; null when there is none or the caller may not see it.",
            ResolvedType = contentItem,
            Arguments = arguments.ForItem(),
            Resolver = new FuncFieldResolver<object?>(async context =>
            {
                var item = await Items(context).GetAsync(context.GetArgument<string>("contentItemId"), ContentQueryArguments.StatusOf(context), context.User!);
                return item is not null && byType.ContainsKey(item.ContentType) ? item : null;
            }),
        });

        var schema = new global::GraphQL.Types.Schema { Query = query, Description = "The content of this site, generated from its content definitions." };
        foreach (var graphType in byType.Values)
        {
            schema.RegisterType(graphType);
        }

        // Introspection is free: clients (GraphiQL, code generators) ask for the whole schema.
        schema.WithIntrospectionComplexityImpact(0);
        schema.Initialize();
        return schema;
    }

    /// <summary>A field per module section (<c>quoteDrift</c>) on each type that has the section's part; read in one batch per page.</summary>
    private static void AddSections(ObjectGraphType graphType, ContentTypeDefinition type, IReadOnlyList<SectionInfo> sections, PartGraphTypes partTypes)
    {
        foreach (var section in sections)
        {
            var fieldName = GraphNames.Field(section.Name);
            if (graphType.HasField(fieldName) || !type.ContentTypePartDefinitionRecords.Any(p => p.PartName == section.PartName))
            {
                continue;
            }

            var name = section.Name;
            graphType.AddField(new FieldType
            {
                Name = fieldName,
                Description = section.Description,
                ResolvedType = partTypes.Section(section.Shape),
                Resolver = new FuncFieldResolver<object?>(async context => context.Source is ContentItem item
                    ? await context.RequestServices!.GetRequiredService<ContentApiSections>().SectionAsync(item, name)
                    : null),
            });
        }
    }

    private static ContentItemsQuery Items(IResolveFieldContext context)
        => context.RequestServices!.GetRequiredService<ContentItemsQuery>();
}
