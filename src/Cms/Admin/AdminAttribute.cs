namespace Cms.Admin;

/// <summary>
/// Marks a controller as part of the admin area: it renders in the admin layout and every action
/// needs <see cref="AdminPermissions.AccessAdminPanel"/> on top of its own permission.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class AdminAttribute : Attribute
{
}
