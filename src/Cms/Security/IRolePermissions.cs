namespace Cms.Security;

/// <summary>The permission names the given roles hold, read from role claims and cached.</summary>
public interface IRolePermissions
{
    Task<IReadOnlySet<string>> GetGrantedAsync(IEnumerable<string> roles);

    /// <summary>Drops the cache after roles change.</summary>
    void Invalidate();
}
