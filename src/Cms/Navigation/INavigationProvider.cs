namespace Cms.Navigation;

/// <summary>Adds a module's entries to the admin menu. Each entry names the permission it needs.</summary>
public interface INavigationProvider
{
    void BuildAdminMenu(NavigationBuilder menu);
}

/// <summary>Collects menu entries; groups ("Content", "Security", ...) order by their first entry's position.</summary>
public sealed class NavigationBuilder
{
    private readonly List<MenuItem> _items = [];

    public IReadOnlyList<MenuItem> Items => _items;

    public NavigationBuilder Add(string group, string text, string url, Security.Permission? permission, int position = 0)
    {
        _items.Add(new MenuItem(group, text, url, permission, position));
        return this;
    }
}

/// <summary>One link of the admin menu.</summary>
public sealed record MenuItem(string Group, string Text, string Url, Security.Permission? Permission, int Position);
