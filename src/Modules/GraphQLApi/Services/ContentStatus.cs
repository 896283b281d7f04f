namespace Modules.GraphQLApi.Services;

/// <summary>Which version of each item a query reads (Orchard's GraphQL <c>status</c> argument).</summary>
public enum ContentStatus
{
    /// <summary>The version readers see; anyone who may view the item.</summary>
    Published,

    /// <summary>The newest version, a draft where there is one; a draft needs PreviewContent on the item.</summary>
    Latest,

    /// <summary>Only items whose newest version is an unpublished draft; needs PreviewContent on each.</summary>
    Draft,
}

/// <summary>What a list query asks for, its arguments read and checked.</summary>
public sealed record ContentListRequest(
    string ContentType,
    ContentStatus Status,
    int First,
    int Skip,
    string? Tag,
    DateTime? PublishedAfter,
    DateTime? PublishedBefore,
    DateTime? CreatedAfter,
    DateTime? CreatedBefore);
