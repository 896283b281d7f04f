namespace Cms.Settings;

/// <summary>Reads and changes the site settings; a change evicts every cached public page.</summary>
public interface ISiteService
{
    Task<SiteSettings> GetAsync();

    Task UpdateAsync(Action<SiteSettings> change);
}
