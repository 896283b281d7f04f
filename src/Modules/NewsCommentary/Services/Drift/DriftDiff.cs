using DiffPlex;
using DiffPlex.Chunkers;
using Modules.NewsCommentary.Models;
using Modules.NewsCommentary.ViewModels;

namespace Modules.NewsCommentary.Services;

/// <summary>A missing sentence against what the page says in its place, word by word (DiffPlex), for the report.</summary>
public static class DriftDiff
{
    public static MissingSentenceView Of(MissingSentence missing)
    {
        if (missing.PageNowSays is not { Length: > 0 } now)
        {
            return new(missing.Sentence, missing.FirstMissingUtc, null, []);
        }

        var diff = new Differ().CreateDiffs(missing.Sentence, now, ignoreWhiteSpace: true, ignoreCase: false, WordChunker.Instance);
        var pieces = new List<DiffPiece>();
        var old = 0;
        foreach (var block in diff.DiffBlocks)
        {
            for (; old < block.DeleteStartA; old++)
            {
                pieces.Add(new(DiffKind.Same, diff.PiecesOld[old]));
            }

            // The chunker keeps the spaces between words as pieces: a removed space is dropped, an added one shown plainly.
            pieces.AddRange(diff.PiecesOld.Skip(block.DeleteStartA).Take(block.DeleteCountA)
                .Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => new DiffPiece(DiffKind.Removed, p)));
            pieces.AddRange(diff.PiecesNew.Skip(block.InsertStartB).Take(block.InsertCountB)
                .Select(p => new DiffPiece(string.IsNullOrWhiteSpace(p) ? DiffKind.Same : DiffKind.Added, p)));
            old = block.DeleteStartA + block.DeleteCountA;
        }

        pieces.AddRange(diff.PiecesOld.Skip(old).Select(p => new DiffPiece(DiffKind.Same, p)));
        return new(missing.Sentence, missing.FirstMissingUtc, now, pieces);
    }
}
