using Cms.Navigation;

namespace Modules.Backups;

public sealed class AdminMenu : INavigationProvider
{
    public void BuildAdminMenu(NavigationBuilder menu)
        => menu.Add("Settings", "Backups", "/admin/backups", Permissions.ManageBackups, position: 90);
}
