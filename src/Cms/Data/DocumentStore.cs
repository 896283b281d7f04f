using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Cms.Data;

/// <summary>
/// Documents are cached per process, and each scope (a request) keeps the documents it read: it sees one
/// snapshot of the settings and feature state from its first read to its end, and asks the cache once.
/// A write in this scope is seen at once by this scope; other requests see it once the transaction that
/// wrote it has committed.
/// </summary>
public sealed class DocumentStore : IDocumentStore
{
    private readonly Dictionary<string, object> _written = new(StringComparer.Ordinal);
    private readonly Dictionary<string, object> _read = new(StringComparer.Ordinal);
    private readonly LazyDbContext _lazyDb;
    private readonly DocumentCache _cache;
    private readonly DocumentMetrics _metrics;
    private CmsDbContext? _db;

    public DocumentStore(LazyDbContext db, DocumentCache cache, DocumentMetrics metrics)
    {
        _lazyDb = db;
        _cache = cache;
        _metrics = metrics;
    }

    // Asked for only when a document is not in the process cache or is written: until then what this scope read is
    // committed (the cache never holds a value read or written inside a transaction), so a rollback cannot concern it.
    private CmsDbContext Db => _db ??= Watch(_lazyDb.Context);

    private CmsDbContext Watch(CmsDbContext db)
    {
        db.RolledBack += () =>
        {
            _written.Clear();
            _read.Clear();
        };
        return db;
    }

    public async Task<T> GetAsync<T>(string id) where T : class, new()
    {
        if (_written.TryGetValue(id, out var own))
        {
            return (T)own;
        }

        if (_read.TryGetValue(id, out var kept) && kept is T snapshot)
        {
            return snapshot;
        }

        var value = await FetchAsync<T>(id);
        _read[id] = value;
        return value;
    }

    private async Task<T> FetchAsync<T>(string id) where T : class, new()
    {
        if (_cache.TryGet(id, out var cached) && cached is T hit)
        {
            _metrics.Read(id, fromDatabase: false);
            return hit;
        }

        _metrics.Read(id, fromDatabase: true);
        var record = await Db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id);
        var value = record is null ? new T() : Deserialize<T>(record.Content);
        if (Db.Database.CurrentTransaction is null)
        {
            _cache.Set(id, value, record?.Version ?? -1);
        }

        return value;
    }

    public async Task<T> UpdateAsync<T>(string id, Action<T> change) where T : class, new()
    {
        var record = await Db.Documents.FirstOrDefaultAsync(d => d.Id == id);
        if (record is null)
        {
            record = new DocumentRecord { Id = id };
            Db.Documents.Add(record);
        }

        var value = _written.TryGetValue(id, out var own)
            ? Deserialize<T>(JsonSerializer.Serialize((T)own, DocumentJson.Options))
            : Deserialize<T>(record.Content);
        change(value);
        record.Content = JsonSerializer.Serialize(value, DocumentJson.Options);
        record.Version++;
        _written[id] = value;
        Db.AfterCommit(() =>
        {
            _cache.Remove(id);
            return Task.CompletedTask;
        });
        await Db.SaveChangesAsync();
        return value;
    }

    private static T Deserialize<T>(string json) where T : class, new()
        => JsonSerializer.Deserialize<T>(json, DocumentJson.Options) ?? new T();
}

/// <summary>The process-wide cache behind <see cref="DocumentStore"/>.</summary>
public sealed class DocumentCache
{
    private readonly ConcurrentDictionary<string, (object Value, int Version)> _items = new(StringComparer.Ordinal);

    public bool TryGet(string id, out object? value)
    {
        var found = _items.TryGetValue(id, out var item);
        value = item.Value;
        return found;
    }

    /// <summary>Keeps <paramref name="value"/>, read at <paramref name="version"/> of its document (-1: there was none).</summary>
    public void Set(string id, object value, int version) => _items[id] = (value, version);

    public void Remove(string id) => _items.TryRemove(id, out _);

    /// <summary>
    /// Forgets the document unless what is kept was read at <paramref name="version"/>: a poll that sees this node's
    /// own change, already read back, keeps it instead of making the next request read it again.
    /// </summary>
    public void RemoveUnlessAt(string id, int version)
    {
        if (_items.TryGetValue(id, out var item) && item.Version != version)
        {
            ((ICollection<KeyValuePair<string, (object, int)>>)_items).Remove(new(id, item));
        }
    }

    public void Clear() => _items.Clear();
}

public static class DocumentJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = null,
        WriteIndented = false,
    };
}
