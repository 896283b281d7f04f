using Cms.Modules;
using Microsoft.AspNetCore.Mvc.Razor;

namespace Cms.Display;

/// <summary>
/// Finds a view by name first in the active theme's folder, then in each module's folder
/// (<c>/Views/{ModuleId}/{name}.cshtml</c>), so a theme overrides any view by giving the same name.
/// </summary>
public sealed class ThemeViewLocationExpander(ModuleCatalog catalog) : IViewLocationExpander
{
    public const string ThemeItemKey = "Cms.Theme";
    private const string ThemeKey = "theme";

    public void PopulateValues(ViewLocationExpanderContext context)
        => context.Values[ThemeKey] = context.ActionContext.HttpContext.Items[ThemeItemKey] as string ?? "";

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        var locations = new List<string>();
        if (context.Values.TryGetValue(ThemeKey, out var theme) && !string.IsNullOrEmpty(theme))
        {
            locations.Add($"/Views/{theme}/{{0}}.cshtml");
        }

        foreach (var module in catalog.Modules.Where(m => !m.IsTheme).Reverse())
        {
            locations.Add($"/Views/{module.Id}/{{0}}.cshtml");
        }

        locations.AddRange(viewLocations);
        return locations;
    }
}
