using Cms.Content;
using Cms.Security;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Cms.Data;

/// <summary>
/// The site's one database: content versions, documents, Identity, and the tables modules add.
/// </summary>
public class CmsDbContext(
    DbContextOptions<CmsDbContext> options,
    IEnumerable<IModelContributor> contributors,
    ShellSettingsStore shell) : IdentityDbContext<CmsUser, CmsRole, string>(options)
{
    private readonly DistinctActions _afterCommit = new();
    private readonly DistinctActions _beforeCommit = new();
    private bool _inOwnTransaction;
    private List<object>? _handedRows;

    /// <summary>
    /// The model annotation naming the model contributors, in order, that built it: a compiled model (see
    /// <see cref="CompiledSiteModels"/>) is used only by a host whose contributors are the same.
    /// </summary>
    public const string ContributorsAnnotation = "Cms:ModelContributors";

    public string TablePrefix { get; } = shell.Current?.TablePrefix ?? "";

    public static string ContributorsKey(IEnumerable<IModelContributor> contributors)
        => string.Join(";", contributors.Select(c => c.GetType().FullName));

    public DbSet<ContentItemRecord> ContentItems => Set<ContentItemRecord>();
    public DbSet<DocumentRecord> Documents => Set<DocumentRecord>();

    /// <summary>
    /// Runs the action once the current work is durable: after the ambient transaction commits,
    /// or after the next save when there is none. Caches are invalidated this way, so a rolled-back
    /// recipe never leaves a cache holding what was not stored. The same action (an equal delegate: one
    /// method of one object) registered again runs once, so an import of 10,000 items evicts the public
    /// pages once, not 10,000 times.
    /// </summary>
    public void AfterCommit(Func<Task> action) => _afterCommit.Add(action);

    /// <summary>
    /// Runs the action once, last, inside the transaction <see cref="InTransactionAsync{T}"/> began, just before it
    /// commits; with no such transaction, at once. For work that each batch of a long change calls for but that costs
    /// with the whole table, such as merging a full-text index: an import's twenty batches ask for it twenty times
    /// and it runs once. The same action (an equal delegate) registered again runs once, as with <see cref="AfterCommit"/>.
    /// </summary>
    public async Task BeforeCommitAsync(Func<Task> action)
    {
        if (!_inOwnTransaction)
        {
            await action();
        }
        else
        {
            _beforeCommit.Add(action);
        }
    }

    /// <summary>
    /// New rows of an index table, for the importer to write with its batch, in sets (a COPY on PostgreSQL, one prepared
    /// INSERT on SQLite), without passing through EF Core's change tracker: tracking a row the importer then takes out of
    /// the tracker again cost about 8 µs, some 80,000 rows and a tenth of an import of 10,000 posts (issue 12, point 3).
    /// Outside an import (<see cref="ContentImporter"/> collecting) the rows are added as <c>AddRange</c> adds them,
    /// for the next save to write. A row handed over is written as it is at the batch's save, not as it was here.
    /// </summary>
    public void AddRows<TRow>(IEnumerable<TRow> rows) where TRow : class
    {
        if (_handedRows is { } handed)
        {
            handed.AddRange(rows);
        }
        else
        {
            Set<TRow>().AddRange(rows);
        }
    }

    /// <summary>From now on <see cref="AddRows"/> hands its rows to the importer (<see cref="TakeHandedRows"/>).</summary>
    internal void CollectHandedRows() => _handedRows ??= [];

    /// <summary>The rows handed over since the last call, to write now.</summary>
    internal List<object> TakeHandedRows()
    {
        var rows = _handedRows ?? [];
        if (_handedRows is not null)
        {
            _handedRows = [];
        }

        return rows;
    }

    /// <summary>Back to adding <see cref="AddRows"/>'s rows to the tracker; any not taken yet are added there now.</summary>
    internal void StopCollectingHandedRows()
    {
        if (_handedRows is { Count: > 0 } left)
        {
            AddRange(left);
        }

        _handedRows = null;
    }

    /// <summary>Raised when a transaction begun by <see cref="InTransactionAsync{T}"/> rolls back.</summary>
    public event Action? RolledBack;

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (Database.CurrentTransaction is null)
        {
            await RunAfterCommitAsync();
        }

        return count;
    }

    /// <summary>Runs work in one transaction; after-commit actions run only if it commits.</summary>
    public async Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken = default)
    {
        if (Database.CurrentTransaction is not null)
        {
            return await work();
        }

        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        _inOwnTransaction = true;
        try
        {
            var result = await work();
            // Registered work may register more (or fail: then nothing is committed).
            for (var i = 0; i < _beforeCommit.Count; i++)
            {
                await _beforeCommit[i]();
            }

            await transaction.CommitAsync(cancellationToken);
            _inOwnTransaction = false;
            await RunAfterCommitAsync();
            return result;
        }
        catch
        {
            _afterCommit.Clear();
            _handedRows?.Clear();
            ChangeTracker.Clear();
            RolledBack?.Invoke();
            throw;
        }
        finally
        {
            _inOwnTransaction = false;
            _beforeCommit.Clear();
        }
    }

    /// <summary>
    /// The work is stored; what follows (cache evictions, the signal to other nodes) must not turn it into
    /// a failure the user would send again. If the database goes away right then, the local caches are
    /// already evicted; other nodes catch up when their caches expire.
    /// </summary>
    private async Task RunAfterCommitAsync()
    {
        var actions = _afterCommit.TakeAll();
        foreach (var action in actions)
        {
            try
            {
                await action();
            }
            catch (Exception ex) when (Hosting.DatabaseAvailability.IsUnavailable(ex))
            {
                this.GetService<ILoggerFactory>().CreateLogger<CmsDbContext>()
                    .LogWarning("A change was saved, but what follows it could not reach the database ({Reason}); other nodes may show older pages until their caches expire", ex.GetBaseException().Message);
            }
        }
    }

    /// <summary>Actions in the order they were first registered, each once: an equal delegate (one method of one object) is the same action.</summary>
    private sealed class DistinctActions
    {
        private readonly List<Func<Task>> _actions = [];
        private readonly HashSet<Func<Task>> _seen = [];

        public int Count => _actions.Count;

        public Func<Task> this[int index] => _actions[index];

        public void Add(Func<Task> action)
        {
            if (_seen.Add(action))
            {
                _actions.Add(action);
            }
        }

        public List<Func<Task>> TakeAll()
        {
            var actions = _actions.ToList();
            Clear();
            return actions;
        }

        public void Clear()
        {
            _actions.Clear();
            _seen.Clear();
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<ContentItemRecord>(e =>
        {
            e.ToTable("ContentItemIndex");
            e.Property(r => r.ContentItemId).HasMaxLength(26);
            e.Property(r => r.ContentItemVersionId).HasMaxLength(26);
            e.Property(r => r.ContentType).HasMaxLength(255);
            e.Property(r => r.Owner).HasMaxLength(255);
            e.Property(r => r.Author).HasMaxLength(255);
            e.HasIndex(r => r.ContentItemVersionId).IsUnique();
            e.HasIndex(r => new { r.ContentItemId, r.Latest, r.Published });
            e.HasIndex(r => new { r.ContentType, r.Published, r.PublishedUtc });

            // The reader's lists (newest published first, by type, by month): EF writes the filter as a
            // bare "Published", which SQLite cannot match to the index above's second column, so it
            // sorted every post of the type. A partial index over published rows, in list order (Id
            // breaks ties), lets both databases walk it and stop after one page.
            e.HasIndex(r => new { r.ContentType, r.PublishedUtc, r.Id }).HasFilter("\"Published\"");
            e.HasIndex(r => new { r.ContentType, r.Latest, r.ModifiedUtc });
        });
        builder.Entity<DataProtectionKeyRecord>(e =>
        {
            e.ToTable("DataProtectionKey");
            e.Property(k => k.KeyId).HasMaxLength(64);
            e.HasIndex(k => k.KeyId).IsUnique();
        });
        builder.Entity<DocumentRecord>(e =>
        {
            e.ToTable("Document");
            e.Property(d => d.Id).HasMaxLength(255);
            e.Property(d => d.Version).IsConcurrencyToken();
        });

        foreach (var contributor in contributors)
        {
            contributor.Contribute(builder);
        }

        builder.HasAnnotation(ContributorsAnnotation, ContributorsKey(contributors));

        if (TablePrefix.Length > 0)
        {
            foreach (var entity in builder.Model.GetEntityTypes())
            {
                entity.SetTableName(TablePrefix + "_" + entity.GetTableName());
            }
        }
    }
}

/// <summary>Keeps one EF model per table prefix, since the prefix is part of the model.</summary>
public sealed class TablePrefixModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime)
        => (context.GetType(), (context as CmsDbContext)?.TablePrefix ?? "", designTime);
}
