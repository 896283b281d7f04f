using Microsoft.EntityFrameworkCore;

namespace Cms.Data;

/// <summary>
/// Lets a module add its own tables (indexes, comments, ...) to the site's one database model.
/// Registered in the module's Startup; table names get the site's table prefix.
/// </summary>
public interface IModelContributor
{
    void Contribute(ModelBuilder modelBuilder);
}
