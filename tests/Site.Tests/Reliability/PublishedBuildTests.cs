using System.Reflection.PortableExecutable;
using System.Text.Json.Nodes;

namespace Site.Tests.Reliability;

/// <summary>
/// Issue 12, points 4 and 5, as a deployer's `dotnet publish -c Release` gives them: Workstation GC with background
/// collections, gen0's budget at most 6 MiB, no dynamic PGO and no spinning thread-pool workers (the memory target; bench/gc.sh measured the choices) and ReadyToRun code for the site's own assemblies
/// (the start-up target: no JIT before the first answer for code that was compiled ahead of time).
/// </summary>
public sealed class PublishedBuildTests
{
    [Fact]
    public async Task PublishedSite_RunsWorkstationConcurrentGc()
    {
        var dll = await PublishedSite.DllAsync();

        var config = JsonNode.Parse(await File.ReadAllTextAsync(Path.ChangeExtension(dll, ".runtimeconfig.json")))!["runtimeOptions"]!["configProperties"]!;

        Assert.False(config["System.GC.Server"]!.GetValue<bool>());
        Assert.True(config["System.GC.Concurrent"]!.GetValue<bool>());
        Assert.False(config["System.Runtime.TieredPGO"]!.GetValue<bool>());
        // Gen0's budget bounded (the runtime reads the number as written: decimal).
        Assert.Equal("6291456", config["System.GC.Gen0MaxBudget"]!.ToString());
        // Point 6: idle thread-pool workers block at once instead of spinning on a core the proxy needs.
        Assert.Equal("0", config["System.Threading.ThreadPool.UnfairSemaphoreSpinLimit"]!.ToString());
    }

    [Fact]
    public async Task PublishedSite_InvokesReflectionWithoutEmittedStubs()
    {
        var dll = await PublishedSite.DllAsync();

        var config = JsonNode.Parse(await File.ReadAllTextAsync(Path.ChangeExtension(dll, ".runtimeconfig.json")))!["runtimeOptions"]!["configProperties"]!;

        // Point 5: each method called by reflection twice would otherwise get an IL stub compiled at start (180 of them).
        Assert.True(config["Switch.System.Reflection.ForceInterpretedInvoke"]?.GetValue<bool>(), "the published runtimeconfig.json lacks the start-up switch");
    }

    [Theory]
    [InlineData("Site.dll")]
    [InlineData("Cms.dll")]
    [InlineData("Contents.dll")]
    [InlineData("NewsCommentary.dll")]
    public async Task PublishedAssemblies_AreReadyToRun(string assembly)
    {
        var folder = Path.GetDirectoryName(await PublishedSite.DllAsync())!;

        using var reader = new PEReader(File.OpenRead(Path.Combine(folder, assembly)));

        // crossgen2's output carries a ReadyToRun header (the managed native header); plain IL has none.
        Assert.True(reader.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, assembly + " is plain IL, not ReadyToRun");
    }
}
