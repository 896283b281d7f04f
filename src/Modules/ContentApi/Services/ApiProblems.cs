using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Modules.ContentApi.Services;

/// <summary>The API's refusals as RFC 9457 problem bodies, each naming what is wrong.</summary>
public static class ApiProblems
{
    public const string ContentType = "application/problem+json";

    public static IResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, "Not found", detail);

    /// <summary>A bad query parameter or header: the problem names it in <c>parameter</c> as well as in words.</summary>
    public static IResult BadParameter(string parameter, string detail)
        => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad parameter",
            extensions: new Dictionary<string, object?> { ["parameter"] = parameter });

    /// <summary>A body that would not be stored: each message under the field it concerns (e.g. "QuotePart.Text").</summary>
    public static IResult Invalid(IDictionary<string, string[]> errors)
        => TypedResults.ValidationProblem(errors, detail: "Nothing was saved: correct the fields named in errors.", title: "The content item is not valid");

    public static IResult Forbidden(string detail) => Problem(StatusCodes.Status403Forbidden, "Forbidden", detail);

    public static IResult Unauthorized(string detail) => Problem(StatusCodes.Status401Unauthorized, "Unauthorized", detail);

    public static IResult PreconditionFailed(string detail) => Problem(StatusCodes.Status412PreconditionFailed, "Precondition failed", detail);

    public static IResult Conflict(string detail) => Problem(StatusCodes.Status409Conflict, "Conflict", detail);

    public static IResult Problem(int status, string title, string detail) => TypedResults.Problem(detail, statusCode: status, title: title);

    /// <summary>Writes a problem straight to the response, for answers given outside an endpoint (authentication).</summary>
    public static Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsJsonAsync(new ProblemDetails { Status = status, Title = title, Detail = detail }, (System.Text.Json.JsonSerializerOptions?)null, ContentType);
    }
}
