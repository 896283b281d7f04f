using Cms.Admin;
using Cms.Navigation;

namespace Modules.Admin;

public sealed class AdminMenu : INavigationProvider
{
    public void BuildAdminMenu(NavigationBuilder menu)
    {
        menu.Add("Dashboard", "Dashboard", "/admin", AdminPermissions.AccessAdminPanel, position: -100);
        menu.Add("Settings", "Site", "/admin/settings/site", Permissions.ManageSettings, position: 10);
        menu.Add("Settings", "Features", "/admin/features", Permissions.ManageFeatures, position: 20);
    }
}
