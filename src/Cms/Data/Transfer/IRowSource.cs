using Microsoft.EntityFrameworkCore.Metadata;

namespace Cms.Data.Transfer;

/// <summary>Where a copy reads a site's rows from: another database, or a dump inside a backup.</summary>
public interface IRowSource
{
    /// <summary>
    /// The target table's properties the source has values for, or null when the source has no such
    /// table (a backup made before a module added it). Properties it lacks get the column's default.
    /// </summary>
    Task<IReadOnlyList<IProperty>?> ColumnsAsync(SiteTable target, CancellationToken cancellationToken);

    /// <summary>The rows, as model values in the order of <paramref name="columns"/>.</summary>
    IAsyncEnumerable<object?[]> RowsAsync(SiteTable target, IReadOnlyList<IProperty> columns, CancellationToken cancellationToken);
}
