using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Modules.Users.ViewModels;

// Nullable strings throughout: the controllers write their own message for each missing value.

public sealed class LoginViewModel
{
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public bool RememberMe { get; set; }
    public string? ReturnUrl { get; set; }

    /// <summary>After a refused sign-in: how sign-in to an account pauses after repeated tries (from the rate-limit rule), or null.</summary>
    [BindNever]
    public string? PauseHint { get; set; }
}

public sealed class ChangePasswordViewModel
{
    public string? CurrentPassword { get; set; }
    public string? NewPassword { get; set; }
    public string? ConfirmPassword { get; set; }
}

public sealed class ForgotPasswordViewModel
{
    public string? Email { get; set; }

    [BindNever]
    public bool Sent { get; set; }
}

public sealed class ResetPasswordViewModel
{
    public string? UserId { get; set; }
    public string? Token { get; set; }
    public string? NewPassword { get; set; }
    public string? ConfirmPassword { get; set; }
}
