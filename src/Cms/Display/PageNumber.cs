using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Cms.Display;

/// <summary>How every public list reads its <c>?page=N</c>, and the page it answers when N is not a page number.</summary>
public static class PageNumber
{
    public const int Max = 10_000;

    /// <summary>True for no value (page 1) or a whole number from 1 to <see cref="Max"/>; no signs, spaces or exponents.</summary>
    public static bool TryRead(string? page, out int number)
    {
        number = 1;
        return page is null || (int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number is >= 1 and <= Max);
    }

    /// <summary>The site's error page with 400, naming the value that is not a page number.</summary>
    public static ViewResult Refusal(Controller controller, string? page)
    {
        controller.Response.StatusCode = StatusCodes.Status400BadRequest;
        return controller.View("Error", new ErrorViewModel(StatusCodes.Status400BadRequest)
        {
            Message = $"'{page}' is not a page number: use a whole number from 1 to {Max}.",
        });
    }
}
