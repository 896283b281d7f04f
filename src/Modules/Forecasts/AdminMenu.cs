using Cms.Navigation;

namespace Modules.Forecasts;

public sealed class AdminMenu : INavigationProvider
{
    public void BuildAdminMenu(NavigationBuilder menu)
        => menu.Add("Content", "Forecasts due", "/admin/forecasts/due", Permissions.ResolveForecasts, position: 6);
}
