namespace Cms.Display;

public sealed record ErrorViewModel(int StatusCode)
{
    /// <summary>What exactly was wrong, when the page knows.</summary>
    public string? Message { get; init; }

    public string Title => StatusCode switch
    {
        400 => "Bad request",
        403 => "You may not do that",
        404 => "Page not found",
        405 => "Not allowed",
        429 => "Too many requests",
        503 => Hosting.DatabaseOutageMiddleware.Title,
        _ => "Something went wrong",
    };
}
