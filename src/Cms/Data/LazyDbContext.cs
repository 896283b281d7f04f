using Microsoft.Extensions.DependencyInjection;

namespace Cms.Data;

/// <summary>
/// The scope's <see cref="CmsDbContext"/>, made when first asked for. The services every public page resolves (the
/// feature gate, the document store, the public pages' version, the kept queries) take this instead of the context, so
/// a cache miss built from kept values makes no context at all: EF Core's constructor (its options looked up in the
/// service provider cache, a new context id) was 8 % of such a page's CPU with no query run (issue 12 point 1,
/// bench/README.md). It is the same context other services of the scope are given.
/// </summary>
public sealed class LazyDbContext(IServiceProvider services)
{
    private CmsDbContext? _context;

    public CmsDbContext Context => _context ??= services.GetRequiredService<CmsDbContext>();
}
