using Cms.Modules;

[assembly: Module("GraphQLApi", "GraphQL API",
    Description = "A read-only GraphQL endpoint at /api/graphql whose schema is made from the content definitions: each type with its parts and fields, lists with paging and filters, published content for everyone and drafts for those who may preview them.",
    Category = "Content",
    Dependencies = ["Contents"],
    OrchardAliases = ["OrchardCore.Apis.GraphQL"])]
