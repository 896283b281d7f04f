using Microsoft.AspNetCore.Identity;

namespace Cms.Security;

/// <summary>A user of the site, stored by ASP.NET Core Identity.</summary>
public class CmsUser : IdentityUser
{
    public bool IsEnabled { get; set; } = true;
    public DateTime CreatedUtc { get; set; }
}

/// <summary>A role; its permissions are role claims of type <see cref="Permission.ClaimType"/>.</summary>
public class CmsRole : IdentityRole
{
    public CmsRole()
    {
    }

    public CmsRole(string name) : base(name)
    {
    }

    public string Description { get; set; } = "";
}
