using System.Net.Mail;
using System.Text.RegularExpressions;
using Cms.Security;
using Microsoft.AspNetCore.Identity;

namespace Modules.Comments.Services;

/// <summary>
/// Accounts made by readers themselves (sign-up, accepting an invitation), checked with the same
/// rules as the users admin: user name pattern, unique name and address, Identity's password policy.
/// </summary>
public sealed partial class NewAccounts(UserManager<CmsUser> users, TimeProvider clock)
{
    public const string UserNameField = "UserName";
    public const string EmailField = "Email";
    public const string PasswordField = "Password";
    public const string ConfirmField = "ConfirmPassword";

    /// <summary>Each problem by the form field it concerns; empty when the account can be made.</summary>
    /// <param name="checkTaken">False for sign-up, whose answer must not tell whether a name or address is taken (the e-mail tells).</param>
    public async Task<Dictionary<string, string>> CheckAsync(string? userName, string? email, string? password, string? confirm, bool checkTaken = true)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var name = userName?.Trim() ?? "";
        var address = email?.Trim() ?? "";
        if (!UserNamePattern().IsMatch(name))
        {
            errors[UserNameField] = "Choose a user name of 1 to 64 letters, digits and the characters - . _ @ +.";
        }
        else if (checkTaken && await users.FindByNameAsync(name) is not null)
        {
            errors[UserNameField] = $"The user name '{name}' is taken; choose another.";
        }

        if (address.Length > 254 || !MailAddress.TryCreate(address, out var parsed) || parsed.Address != address)
        {
            errors[EmailField] = "Enter a valid e-mail address.";
        }
        else if (checkTaken && await users.FindByEmailAsync(address) is not null)
        {
            errors[EmailField] = "An account already uses this address: sign in to it instead.";
        }

        var probe = new CmsUser { UserName = name, Email = address };
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, probe, password ?? "");
            if (!result.Succeeded && !errors.ContainsKey(PasswordField))
            {
                errors[PasswordField] = string.Join(" ", result.Errors.Select(e => e.Description));
            }
        }

        if (!errors.ContainsKey(PasswordField) && password != confirm)
        {
            errors[ConfirmField] = "The two passwords are not the same.";
        }

        return errors;
    }

    /// <summary>Creates the account (after <see cref="CheckAsync"/>); throws when Identity still refuses, so the caller's transaction rolls back.</summary>
    public async Task<CmsUser> CreateAsync(string userName, string email, string password, bool emailConfirmed)
    {
        var user = new CmsUser
        {
            UserName = userName.Trim(),
            Email = email.Trim(),
            EmailConfirmed = emailConfirmed,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, password);
        return created.Succeeded
            ? user
            : throw new InvalidOperationException("The account was not created: " + string.Join(" ", created.Errors.Select(e => e.Description)));
    }

    [GeneratedRegex(@"^[A-Za-z0-9\-._@+]{1,64}$")]
    private static partial Regex UserNamePattern();
}
