using Cms.Navigation;

namespace Modules.Contents;

public sealed class AdminMenu : INavigationProvider
{
    public void BuildAdminMenu(NavigationBuilder menu)
    {
        menu.Add("Content", "All content", "/admin/contents", ContentPermissions.EditOwnContent, position: 0);
        menu.Add("Content", "Content types", "/admin/content-types", Permissions.EditContentTypes, position: 10);
    }
}
