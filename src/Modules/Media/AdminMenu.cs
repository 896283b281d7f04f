using Cms.Navigation;

namespace Modules.Media;

public sealed class AdminMenu : INavigationProvider
{
    public void BuildAdminMenu(NavigationBuilder menu)
        => menu.Add("Content", "Media", "/admin/media", Permissions.ManageOwnMedia, position: 2);
}
