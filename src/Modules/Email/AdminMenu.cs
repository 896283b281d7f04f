using Cms.Navigation;

namespace Modules.Email;

public sealed class AdminMenu : INavigationProvider
{
    public void BuildAdminMenu(NavigationBuilder menu)
        => menu.Add("Settings", "E-mail", "/admin/settings/email", Permissions.ManageEmailSettings, position: 50);
}
