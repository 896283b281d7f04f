using System.Security.Claims;
using Cms.Modules;
using Cms.Security;
using Microsoft.AspNetCore.Authorization;

namespace Cms.Navigation;

/// <summary>The admin menu as this user may use it: entries of enabled features whose permission the user holds.</summary>
public interface IAdminMenu
{
    Task<IReadOnlyList<MenuGroup>> BuildAsync(ClaimsPrincipal user);
}

public sealed record MenuGroup(string Name, IReadOnlyList<MenuItem> Items);

public sealed class AdminMenu(
    IEnumerable<FeatureBound<INavigationProvider>> providers,
    IFeatureManager features,
    IAuthorizationService authorization) : IAdminMenu
{
    public async Task<IReadOnlyList<MenuGroup>> BuildAsync(ClaimsPrincipal user)
    {
        var enabled = await features.GetEnabledAsync();
        var builder = new NavigationBuilder();
        foreach (var provider in providers.Where(p => enabled.Contains(p.FeatureId)))
        {
            provider.Service.BuildAdminMenu(builder);
        }

        var allowed = new List<MenuItem>();
        foreach (var item in builder.Items)
        {
            if (item.Permission is null || await authorization.AuthorizeAsync(user, item.Permission))
            {
                allowed.Add(item);
            }
        }

        return allowed
            .GroupBy(i => i.Group)
            .OrderBy(g => g.Min(i => i.Position))
            .Select(g => new MenuGroup(g.Key, g.OrderBy(i => i.Position).ThenBy(i => i.Text, StringComparer.Ordinal).ToList()))
            .ToList();
    }
}
