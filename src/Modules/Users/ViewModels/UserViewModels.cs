using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Modules.Users.ViewModels;

public sealed class UserListViewModel
{
    [BindNever]
    public IReadOnlyList<UserRow> Users { get; init; } = [];

    [BindNever]
    public string Query { get; init; } = "";

    [BindNever]
    public int Page { get; init; } = 1;

    [BindNever]
    public int PageCount { get; init; } = 1;

    [BindNever]
    public int Total { get; init; }
}

public sealed record UserRow(string Id, string UserName, string Email, IReadOnlyList<string> Roles, bool IsEnabled, bool IsLockedOut);

public sealed class UserCreateViewModel
{
    public string? UserName { get; set; }
    public string? Email { get; set; }
    public string? Password { get; set; }
    public List<string> Roles { get; set; } = [];

    [BindNever]
    public IReadOnlyList<string> AvailableRoles { get; set; } = [];
}

public sealed class UserEditViewModel
{
    public List<string> Roles { get; set; } = [];

    [BindNever]
    public string Id { get; set; } = "";

    [BindNever]
    public string UserName { get; set; } = "";

    [BindNever]
    public string Email { get; set; } = "";

    [BindNever]
    public bool IsEnabled { get; set; }

    [BindNever]
    public bool IsLockedOut { get; set; }

    /// <summary>The signed-in admin's own account: it cannot be disabled from here.</summary>
    [BindNever]
    public bool IsSelf { get; set; }

    [BindNever]
    public IReadOnlyList<string> AvailableRoles { get; set; } = [];
}
