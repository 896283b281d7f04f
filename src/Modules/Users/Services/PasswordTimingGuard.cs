using Cms.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Modules.Users.Services;

/// <summary>
/// Hashes the offered password against a throwaway hash when there is no account to check it against,
/// so a refused sign-in takes as long for an unknown, disabled or paused account as for a wrong password.
/// </summary>
public sealed class PasswordTimingGuard
{
    private readonly PasswordHasher<CmsUser> _hasher;
    private readonly CmsUser _nobody = new();
    private readonly string _hash;

    public PasswordTimingGuard(IOptions<PasswordHasherOptions> options)
    {
        _hasher = new PasswordHasher<CmsUser>(options);
        _hash = _hasher.HashPassword(_nobody, Guid.NewGuid().ToString("N"));
    }

    public void Spend(string password) => _hasher.VerifyHashedPassword(_nobody, _hash, password);
}
