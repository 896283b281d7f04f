using Cms.Security;

namespace Modules.Comments;

/// <summary>Who may comment, edit their own comments, and moderate. Staff roles hold all three by default.</summary>
public sealed class Permissions : IPermissionProvider
{
    public static readonly Permission PostComments = new("PostComments", "Post comments and replies");
    public static readonly Permission EditOwnComments = new("EditOwnComments", "Edit and delete own comments shortly after posting them");
    public static readonly Permission ModerateComments = new("ModerateComments", "Approve, hold, mark as spam and delete comments; close comments on a post; decide membership requests");

    /// <summary>The comment and registration settings page. No stereotype: only Administrator holds it by default.</summary>
    public static readonly Permission ManageCommentSettings = new("ManageCommentSettings", "Change the comment and registration settings");

    public IEnumerable<Permission> GetPermissions() => [PostComments, EditOwnComments, ModerateComments, ManageCommentSettings];

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        // Administrator holds every permission anyway; listed so the defaults read as the issue states them.
        new(StandardRoles.Administrator, [PostComments, EditOwnComments, ModerateComments]),
        new(StandardRoles.Editor, [PostComments, EditOwnComments, ModerateComments]),
        new(StandardRoles.Moderator, [PostComments, EditOwnComments, ModerateComments]),
    ];
}
