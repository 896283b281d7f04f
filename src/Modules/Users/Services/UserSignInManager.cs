using System.Security.Claims;
using Cms.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Modules.Users.Services;

/// <summary>Identity's sign-in manager, except that a disabled user can neither sign in nor keep a session.</summary>
public sealed class UserSignInManager(
    UserManager<CmsUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<CmsUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<CmsUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<CmsUser> confirmation)
    : SignInManager<CmsUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(CmsUser user)
        => user.IsEnabled && await base.CanSignInAsync(user);

    /// <summary>Checked whenever the cookie's security stamp is validated: a disabled user's cookie is refused.</summary>
    public override async Task<CmsUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
        => await base.ValidateSecurityStampAsync(principal) is { IsEnabled: true } user ? user : null;
}
