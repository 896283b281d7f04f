using Microsoft.AspNetCore.Mvc.ModelBinding;
using Modules.Users.Services;

namespace Modules.Users.ViewModels;

public sealed class RoleListViewModel
{
    [BindNever]
    public IReadOnlyList<RoleRow> Roles { get; init; } = [];
}

public sealed record RoleRow(string Name, string Description, int PermissionCount, bool IsStandard);

public sealed class RoleCreateViewModel
{
    public string? Name { get; set; }
    public string? Description { get; set; }
}

public sealed class RoleEditViewModel
{
    public string? Description { get; set; }

    /// <summary>The ticked permissions' names.</summary>
    public List<string> Permissions { get; set; } = [];

    [BindNever]
    public string Name { get; set; } = "";

    /// <summary>Administrator holds every permission; its list is not edited.</summary>
    [BindNever]
    public bool IsAdministrator { get; set; }

    [BindNever]
    public bool IsStandard { get; set; }

    [BindNever]
    public IReadOnlyList<PermissionGroup> Groups { get; set; } = [];
}
