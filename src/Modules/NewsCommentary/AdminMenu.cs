using Cms.Navigation;

namespace Modules.NewsCommentary;

public sealed class AdminMenu : INavigationProvider
{
    public void BuildAdminMenu(NavigationBuilder menu)
        => menu.Add("Content", "Broken source links", "/admin/source-links", Permissions.ViewSourceLinkHealth, position: 5);
}
