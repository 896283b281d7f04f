using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cms.Security;

/// <summary>
/// The sign-in cookie's security stamp check, built only when it is due. Identity's own event resolves the validator
/// on every request (and with it the sign-in manager, the user manager, their stores and the database context) only to
/// find that the cookie was issued within <see cref="SecurityStampValidatorOptions.ValidationInterval"/> and there is
/// nothing to do: 6 % of a member's page (issue 12 point 1). The same test is made here first, with the validator's own
/// clock; when the check is due the validator runs as before.
/// </summary>
public static class SecurityStampWhenDue
{
    public static Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        var now = (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        if (context.Properties.IssuedUtc is { } issued && now - issued <= options.ValidationInterval)
        {
            return Task.CompletedTask;
        }

        return SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
