namespace Cms.Display;

/// <summary>
/// Remembers, approximately, which pages were rendered lately (their addresses' hashes): a fixed table of hashes, each key
/// in the one slot its hash picks, a newer key overwriting an older one in the same slot. The output cache's admission
/// rule when full (see <see cref="BoundedOutputCacheStore"/>): a page is let in at its address's second render within the
/// table's memory, so a crawler's or a scanner's one-off addresses do not push out pages readers ask for again.
/// Fixed size and allocation-free: under a flood of new keys it forgets the oldest, which only delays a page's
/// admission; a false "seen" (two keys with one hash) only lets a page in a request early. Not thread-safe: the
/// store calls it under its lock.
/// </summary>
public sealed class SeenKeys
{
    private readonly int[] _hashes;

    /// <param name="slots">A power of two: how many keys it can hold at most.</param>
    public SeenKeys(int slots)
    {
        if (slots <= 0 || (slots & (slots - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(slots), slots, "a power of two");
        }

        _hashes = new int[slots];
    }

    /// <summary>True when a key with this hash was recorded before (and not overwritten since); records it either way.</summary>
    public bool CheckAndRecord(int keyHash)
    {
        // 0 marks an empty slot, so no key hashes to it.
        var hash = keyHash | 1;
        ref var slot = ref _hashes[hash & (_hashes.Length - 1)];
        var seen = slot == hash;
        slot = hash;
        return seen;
    }
}
