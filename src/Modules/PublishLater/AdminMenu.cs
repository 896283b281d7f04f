using Cms.Navigation;
using Modules.Contents;

namespace Modules.PublishLater;

public sealed class AdminMenu : INavigationProvider
{
    public void BuildAdminMenu(NavigationBuilder menu)
        => menu.Add("Content", "Scheduled posts", "/admin/contents/scheduled", ContentPermissions.EditOwnContent, position: 1);
}
