using Modules.Comments.Models;

namespace Modules.Comments.Services;

/// <summary>
/// What came of posting or changing a comment: the stored comment, or the HTTP status and message of
/// the refusal (<see cref="IsBodyError"/> when the text itself needs fixing).
/// </summary>
public sealed record CommentResult(Comment? Comment, int StatusCode, string? Error, bool IsBodyError = false, int? RetryAfterSeconds = null)
{
    public bool Succeeded => Comment is not null && Error is null;

    public static CommentResult Ok(Comment comment) => new(comment, 200, null);

    public static CommentResult Refused(string error) => new(null, 400, error);

    public static CommentResult BadBody(string error) => new(null, 400, error, IsBodyError: true);

    public static CommentResult TooSoon(string error, int retryAfterSeconds) => new(null, 429, error, RetryAfterSeconds: retryAfterSeconds);
}
