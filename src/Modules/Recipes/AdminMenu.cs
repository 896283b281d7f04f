using Cms.Navigation;

namespace Modules.Recipes;

public sealed class AdminMenu : INavigationProvider
{
    public void BuildAdminMenu(NavigationBuilder menu) => menu
        .Add("Configuration", "Recipes", "/admin/recipes", Permissions.ManageRecipes, position: 60)
        .Add("Configuration", "Import", "/admin/import", Permissions.Import, position: 61);
}
