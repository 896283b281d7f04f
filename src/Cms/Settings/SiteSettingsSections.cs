using System.Security.Claims;
using Cms.Modules;
using Cms.Security;
using Microsoft.AspNetCore.Authorization;

namespace Cms.Settings;

/// <summary>The <see cref="ISiteSettingsSection"/>s of enabled features that a user may change.</summary>
public sealed class SiteSettingsSections(
    IEnumerable<FeatureBound<ISiteSettingsSection>> sections,
    IFeatureManager features,
    IAuthorizationService authorization)
{
    public async Task<IReadOnlyList<ISiteSettingsSection>> ForAsync(ClaimsPrincipal user)
    {
        var enabled = await features.GetEnabledAsync();
        var allowed = new List<ISiteSettingsSection>();
        foreach (var section in sections.Where(s => enabled.Contains(s.FeatureId)).Select(s => s.Service))
        {
            if (await authorization.AuthorizeAsync(user, section.Permission))
            {
                allowed.Add(section);
            }
        }

        return allowed;
    }
}
