namespace Modules.GraphQLApi.Services;

/// <summary>
/// The limits of <c>/api/graphql</c> (configuration section <c>GraphQL</c>, e.g. <c>GraphQL__MaxComplexity</c>).
/// The defaults let a client read a 100-item page with every field of a News Commentary post, and refuse
/// documents that nest or fan out past that before anything is read from the database.
/// </summary>
public sealed class GraphQLApiOptions
{
    public const string Section = "GraphQL";

    /// <summary>The deepest selection a query may have (fields within fields); introspection needs 13.</summary>
    public int MaxDepth { get; set; } = 15;

    /// <summary>
    /// The most a query may cost: every field counts 1, and what is inside a list counts once per item it may
    /// return (its <c>first</c>, else <see cref="DefaultFirst"/>). Introspection is not counted.
    /// </summary>
    public int MaxComplexity { get; set; } = 5000;

    /// <summary>The most items a list query returns (<c>first</c> above this is refused with a message).</summary>
    public int MaxFirst { get; set; } = 100;

    /// <summary>The items a list query returns when it gives no <c>first</c>.</summary>
    public int DefaultFirst { get; set; } = 20;

    /// <summary>The largest request body read, in bytes.</summary>
    public int MaxRequestBytes { get; set; } = 64 * 1024;
}
