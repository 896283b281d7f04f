using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Cms.Data.Transfer;

/// <summary>
/// One table of the site's EF model as a copy sees it: its entity's name (the same on every
/// provider and with any table prefix), its table name in this database, and its columns.
/// </summary>
public sealed class SiteTable
{
    private SiteTable(IEntityType entity, string name, IReadOnlyList<IProperty> columns)
    {
        Entity = entity;
        Name = name;
        Columns = columns;
    }

    /// <summary>The entity's name (e.g. Modules.Comments.Models.Comment): a table's identity in a dump.</summary>
    public string Key => Entity.Name;

    public IEntityType Entity { get; }

    /// <summary>The table's name in this database, table prefix included.</summary>
    public string Name { get; }

    public IReadOnlyList<IProperty> Columns { get; }

    /// <summary>The column EF keeps for the property in this table.</summary>
    public static string ColumnOf(IProperty property) => property.GetColumnName();

    /// <summary>A single integer key the database numbers itself (an identity or autoincrement column), or null.</summary>
    public IProperty? GeneratedKey
        => Entity.FindPrimaryKey() is { Properties: [var key] } && key.ValueGenerated == ValueGenerated.OnAdd
           && (key.ClrType == typeof(int) || key.ClrType == typeof(long)) ? key : null;

    /// <summary>
    /// Every table of the model, principals before the tables that point at them, so rows can be
    /// inserted in this order with foreign keys on.
    /// </summary>
    public static IReadOnlyList<SiteTable> All(DbContext db)
    {
        var entities = db.Model.GetEntityTypes()
            .Where(e => e.BaseType is null && !e.IsOwned() && e.GetTableName() is not null && e.GetViewName() is null && e.FindPrimaryKey() is not null)
            .OrderBy(e => e.Name, StringComparer.Ordinal)
            .ToList();
        var ordered = new List<IEntityType>();
        var visiting = new HashSet<IEntityType>();
        void Visit(IEntityType entity)
        {
            if (ordered.Contains(entity) || !visiting.Add(entity))
            {
                return;
            }

            foreach (var principal in entity.GetForeignKeys().Select(f => f.PrincipalEntityType.GetRootType()).Where(p => p != entity))
            {
                Visit(principal);
            }

            ordered.Add(entity);
        }

        entities.ForEach(Visit);
        return ordered.Select(e => new SiteTable(e, e.GetTableName()!, e.GetProperties().ToList())).ToList();
    }

    /// <summary>Quotes an identifier for both SQLite and PostgreSQL.</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
