namespace Site.Tests.Integration;

/// <summary>The allocation budgets count the whole process's allocations: they run alone, after the rest of the suite.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MissAllocationCollection
{
    public const string Name = "MissAllocation";
}
