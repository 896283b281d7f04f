using System.Security.Claims;
using Cms.Security;
using Microsoft.AspNetCore.Authorization;
using Modules.Comments.Models;
using Modules.Comments.Settings;

namespace Modules.Comments.Services;

/// <summary>What a user may do with comments. Comments always have an author, so visitors never post, whatever their role holds.</summary>
public sealed class CommentPolicy(IAuthorizationService authorization, TimeProvider clock)
{
    public async Task<CommentRights> RightsOfAsync(ClaimsPrincipal user)
    {
        var userId = UserIdOf(user);
        if (userId is null)
        {
            return CommentRights.Visitor;
        }

        return new CommentRights(
            userId,
            user.Identity?.Name ?? "",
            await authorization.AuthorizeAsync(user, Permissions.PostComments),
            await authorization.AuthorizeAsync(user, Permissions.EditOwnComments),
            await authorization.AuthorizeAsync(user, Permissions.ModerateComments));
    }

    /// <summary>Why the author may not change the comment now, or null when they may.</summary>
    public string? WhyNotChange(CommentRights rights, Comment comment, CommentSettings settings)
    {
        if (comment.AuthorId != rights.UserId)
        {
            return "You can change only your own comments.";
        }

        if (!rights.CanEditOwn)
        {
            return "Your account may not edit or delete comments.";
        }

        if (comment.Status is not (CommentStatus.Approved or CommentStatus.Pending))
        {
            return "This comment has been removed.";
        }

        if (comment.CreatedUtc.AddMinutes(settings.EditWindowMinutes) <= clock.GetUtcNow().UtcDateTime)
        {
            return $"Comments can be edited or deleted for {settings.EditWindowMinutes} minutes after posting; that time has passed.";
        }

        return null;
    }

    public static string? UserIdOf(ClaimsPrincipal user)
        => user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
}

/// <summary>A reader's comment rights, worked out once per request.</summary>
public sealed record CommentRights(string? UserId, string UserName, bool CanPost, bool CanEditOwn, bool CanModerate)
{
    public static readonly CommentRights Visitor = new(null, "", false, false, false);

    public bool IsSignedIn => UserId is not null;
}
