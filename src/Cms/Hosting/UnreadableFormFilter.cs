using Cms.Display;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Cms.Hosting;

/// <summary>
/// A form ASP.NET Core cannot read (a field holding %00, a field past the length limits, broken
/// encoding) leaves every parameter of the action unbound, the route's too: an action would then
/// answer as if the post or the user it names did not exist. This answers such a request 400 with what
/// was wrong, before model binding, so the action never runs and nothing is written. (Actions that keep
/// the global antiforgery check are refused by it first, also with 400.)
/// </summary>
public sealed class UnreadableFormFilter : IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (request.HasFormContentType)
        {
            try
            {
                // Read once here (the form is kept for model binding), so its failure has a name.
                await request.ReadFormAsync(context.HttpContext.RequestAborted);
            }
            catch (InvalidDataException ex)
            {
                var model = new ErrorViewModel(StatusCodes.Status400BadRequest) { Message = Message(ex) };
                context.Result = new ViewResult
                {
                    ViewName = "Error",
                    StatusCode = StatusCodes.Status400BadRequest,
                    ViewData = new ViewDataDictionary<ErrorViewModel>(new EmptyModelMetadataProvider(), context.ModelState) { Model = model },
                };
                return;
            }
        }

        await next();
    }

    /// <summary>The reader's words for the form reader's reason (its own message speaks of a "path").</summary>
    public static string Message(Exception exception)
    {
        var reason = exception.GetBaseException().Message;
        var what = reason.Contains("null character", StringComparison.OrdinalIgnoreCase)
            ? "a field holds a NUL character (U+0000), which no form may carry"
            : reason.Contains("limit", StringComparison.OrdinalIgnoreCase)
                ? "it is larger than this site accepts (too many fields, or a field too long)"
                : "it is not a well-formed form";
        return $"The form you sent could not be read: {what}. Nothing was saved; go back, remove it and send the form again.";
    }
}
