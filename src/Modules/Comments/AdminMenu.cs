using Cms.Navigation;
using Modules.Users;

namespace Modules.Comments;

public sealed class AdminMenu : INavigationProvider
{
    public void BuildAdminMenu(NavigationBuilder menu) => menu
        .Add("Comments", "Moderation queue", "/admin/comments", Permissions.ModerateComments, position: 20)
        .Add("Comments", "Membership requests", "/admin/members/requests", Permissions.ModerateComments, position: 21)
        .Add("Comments", "Invitations", "/admin/members/invitations", UsersPermissions.ManageUsers, position: 22)
        .Add("Settings", "Comments", "/admin/settings/comments", Permissions.ManageCommentSettings, position: 51);
}
