namespace Site.Tests.Framework;

/// <summary>The memory tests measure the process's heap: they run alone, after the rest of the suite.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ImportMemoryCollection
{
    public const string Name = "ImportMemory";
}
