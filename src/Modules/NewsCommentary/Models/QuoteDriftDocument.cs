namespace Modules.NewsCommentary.Models;

/// <summary>
/// The posts whose quote has sentences the source no longer carries, as readers are told. A document
/// (like <see cref="GoneSourcesDocument"/>) so the post page reads it from the document cache without a
/// query; the checker rewrites it from the <see cref="SourceLinkCheck"/> table after each pass.
/// </summary>
public sealed class QuoteDriftDocument
{
    public const string DocumentId = "NewsCommentary:QuoteDrift";

    /// <summary>Content item id to its drift.</summary>
    public Dictionary<string, DriftNotice> Items { get; set; } = new(StringComparer.Ordinal);

    public static bool Same(IReadOnlyDictionary<string, DriftNotice> shown, IReadOnlyDictionary<string, DriftNotice> now)
        => shown.Count == now.Count && now.All(n => shown.TryGetValue(n.Key, out var s)
            && s.Fingerprint == n.Value.Fingerprint && s.FirstNoticedUtc == n.Value.FirstNoticedUtc && s.MissingIndexes.SequenceEqual(n.Value.MissingIndexes));
}

/// <summary>
/// A drifted quote: which wording was judged (a quote edited since is not judged by the old one's
/// reading), when the drift was first noticed, and which of its sentences are missing.
/// </summary>
public sealed record DriftNotice(string Fingerprint, DateTime FirstNoticedUtc, IReadOnlyList<int> MissingIndexes);
