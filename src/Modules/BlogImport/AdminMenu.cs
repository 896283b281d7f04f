using Cms.Navigation;
using Modules.Recipes;

namespace Modules.BlogImport;

public sealed class AdminMenu : INavigationProvider
{
    public void BuildAdminMenu(NavigationBuilder menu)
        => menu.Add("Configuration", "Import a blog", "/admin/import/blog", RecipesPermissions.Import, position: 62);
}
