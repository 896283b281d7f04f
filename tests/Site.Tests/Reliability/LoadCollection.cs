namespace Site.Tests.Reliability;

/// <summary>
/// The load, crash, stop and outage tests share one published site per database and run alone, after
/// the rest of the suite: their figures mean something only on a machine that does nothing else.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LoadCollection : ICollectionFixture<LoadSite>
{
    public const string Name = "Load";
}
