using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Modules.GraphQLApi.Services;

/// <summary>
/// Reads a GraphQL request as the GraphQL-over-HTTP convention has it: GET with <c>query</c>, <c>variables</c>
/// (JSON) and <c>operationName</c> in the query string, or POST with an <c>application/json</c> body. Anything
/// else is refused with the reason: a form post (which a foreign page could send with the reader's cookie),
/// a body over the limit, JSON that is not a request.
/// </summary>
public sealed class GraphQLRequestReader(IGraphQLTextSerializer serializer)
{
    public async Task<(GraphQLRequest? Request, int Status, string? Error)> ReadAsync(HttpRequest http, int maxBytes)
    {
        if (HttpMethods.IsGet(http.Method))
        {
            var query = http.Query;
            var inputs = Variables(query["variables"]);
            return inputs.Error is { } variablesError
                ? (null, StatusCodes.Status400BadRequest, variablesError)
                : Checked(new GraphQLRequest { Query = query["query"], OperationName = query["operationName"], Variables = inputs.Value });
        }

        if (!MediaTypeHeaderValue.TryParse(http.ContentType, out var type) || !type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, StatusCodes.Status415UnsupportedMediaType,
                $"POST /api/graphql takes Content-Type application/json ({{\"query\": \"...\", \"variables\": {{...}}}}), not '{http.ContentType ?? "none"}'; or use GET with ?query=.");
        }

        if (http.ContentLength > maxBytes)
        {
            return (null, StatusCodes.Status413PayloadTooLarge, $"The request body is over {maxBytes} bytes.");
        }

        using var body = new MemoryStream();
        var buffer = new byte[8192];
        int read;
        while ((read = await http.Body.ReadAsync(buffer, http.HttpContext.RequestAborted)) > 0)
        {
            if (body.Length + read > maxBytes)
            {
                return (null, StatusCodes.Status413PayloadTooLarge, $"The request body is over {maxBytes} bytes.");
            }

            body.Write(buffer, 0, read);
        }

        try
        {
            body.Position = 0;
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, StatusCodes.Status400BadRequest, "The body must be one JSON object: {\"query\": \"...\"} (batches are not taken).");
            }

            return Checked(serializer.Deserialize<GraphQLRequest>(document.RootElement.GetRawText()));
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            return (null, StatusCodes.Status400BadRequest, $"The body is not a GraphQL request in JSON: {ex.Message.Split('\n')[0]}");
        }
    }

    private static (GraphQLRequest?, int, string?) Checked(GraphQLRequest? request)
        => string.IsNullOrWhiteSpace(request?.Query)
            ? (null, StatusCodes.Status400BadRequest, "No query: give the GraphQL document in 'query', e.g. {\"query\": \"{ newsCommentary { displayText } }\"}.")
            : (request, StatusCodes.Status200OK, null);

    private (Inputs? Value, string? Error) Variables(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return (null, null);
        }

        try
        {
            return (serializer.Deserialize<Inputs>(json), null);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            return (null, $"variables is not a JSON object: {ex.Message.Split('\n')[0]}");
        }
    }
}
