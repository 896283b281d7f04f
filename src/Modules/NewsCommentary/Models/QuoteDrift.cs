namespace Modules.NewsCommentary.Models;

/// <summary>What one reading of the source page found of the quoted passage. Stored by name.</summary>
public enum QuoteState
{
    /// <summary>Every sentence of the quote is on the page.</summary>
    AllFound,

    /// <summary>Some sentences are on the page, others are not (<see cref="SourceLinkCheck.MissingJson"/> says which).</summary>
    SomeMissing,

    /// <summary>No sentence of the quote is on the page.</summary>
    NoneFound,

    /// <summary>The page could not be read (not HTML, too large, no answer): what was known before stands.</summary>
    Unreadable,
}

/// <summary>
/// A sentence of the quote not found on the source: its place in the quote, its words, the day it first
/// went missing, and what the page says where it stood, when that can be found.
/// </summary>
public sealed record MissingSentence(int Index, string Sentence, DateTime FirstMissingUtc, string? PageNowSays);
