using Cms.ContentDefinitions;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Modules.ContentApi.Services;

namespace Modules.GraphQLApi.Services;

/// <summary>
/// Runs a GraphQL request against the current schema as the request's user (HttpContext.User: the
/// signed-in reader, or the owner of an API token once token authentication sets it). A document that does
/// not parse or validate, or goes past the depth or complexity limit, is answered 400 with the errors and
/// nothing is read; errors while reading are reported in the body without exception details.
/// </summary>
public sealed class ContentGraphQL(
    ContentSchemaProvider schemas,
    IContentDefinitionManager definitions,
    ContentApiSections sections,
    IDocumentExecuter executer,
    IGraphQLTextSerializer serializer,
    IOptions<GraphQLApiOptions> options,
    ILogger<ContentGraphQL> logger)
{
    public async Task<(int Status, string Json)> ExecuteAsync(GraphQLRequest request, HttpContext http)
    {
        var limits = options.Value;
        var complexity = new ComplexityOptions
        {
            MaxDepth = limits.MaxDepth,
            MaxComplexity = limits.MaxComplexity,
            DefaultListImpactMultiplier = limits.DefaultFirst,
        };
        ISchema schema;
        try
        {
            schema = await schemas.GetAsync(definitions, await sections.EnabledAsync());
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or AggregateException)
        {
            // A definition the schema cannot carry (two parts whose names clash once camel-cased, say).
            logger.LogError(ex, "The GraphQL schema could not be made from the content definitions");
            return (StatusCodes.Status500InternalServerError, Error("The GraphQL schema could not be made from this site's content definitions; the site's log says why."));
        }

        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Schema = schema,
            Query = request.Query,
            Variables = request.Variables,
            OperationName = request.OperationName,
            User = http.User,
            RequestServices = http.RequestServices,
            CancellationToken = http.RequestAborted,
            ValidationRules = DocumentValidator.CoreRules.Append(new ComplexityValidationRule(complexity)),

            // One resolver at a time: they share the request's database context.
            MaxParallelExecutionCount = 1,
            ThrowOnUnhandledException = false,
            UnhandledExceptionDelegate = context =>
            {
                if (context.FieldContext is null && context.OriginalException.Message.StartsWith("Schema is not configured for", StringComparison.Ordinal))
                {
                    context.ErrorMessage = "This API is read-only: it has queries only, no mutations or subscriptions.";
                    return Task.CompletedTask;
                }

                logger.LogError(context.OriginalException, "GraphQL query failed in {Field}", context.FieldContext?.FieldDefinition.Name);
                return Task.CompletedTask;
            },
        });
        return (result.Executed ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, serializer.Serialize(result));
    }

    /// <summary>A request refused before it ran, in GraphQL's error shape.</summary>
    public string Error(string message) => serializer.Serialize(new ExecutionResult(new ExecutionError(message)));
}
