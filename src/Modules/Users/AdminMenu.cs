using Cms.Navigation;

namespace Modules.Users;

public sealed class AdminMenu : INavigationProvider
{
    public void BuildAdminMenu(NavigationBuilder menu) => menu
        .Add("Security", "Users", "/admin/users", Permissions.ManageUsers, position: 80)
        .Add("Security", "Roles", "/admin/roles", Permissions.ManageRoles, position: 81);
}
