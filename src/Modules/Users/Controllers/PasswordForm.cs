using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Modules.Users.Controllers;

/// <summary>The checks every "new password" form makes before Identity's own policy (length ≥ 12) runs.</summary>
internal static class PasswordForm
{
    public const string NewPassword = "NewPassword";
    public const string ConfirmPassword = "ConfirmPassword";

    public static void CheckNew(ModelStateDictionary modelState, string? newPassword, string? confirmation)
    {
        if (string.IsNullOrEmpty(newPassword))
        {
            modelState.AddModelError(NewPassword, "Enter a new password.");
        }
        else if (newPassword != confirmation)
        {
            modelState.AddModelError(ConfirmPassword, "The two passwords are not the same.");
        }
    }
}
