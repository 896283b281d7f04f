using System.Reflection;
using Microsoft.Extensions.DependencyModel;

namespace Site.Tests.Architecture;

/// <summary>The assemblies built from src/: the framework, every module and its abstractions, the themes and the host.</summary>
public static class ProductAssemblies
{
    private static readonly Lazy<IReadOnlyList<Assembly>> s_all = new(() => DependencyContext.Default!.RuntimeLibraries
        .Where(l => l.Type == "project" && !l.Name.EndsWith("Tests", StringComparison.Ordinal))
        .Select(l => Assembly.Load(new AssemblyName(l.Name)))
        .ToList());

    public static IReadOnlyList<Assembly> All => s_all.Value;

    /// <summary>Every type, with the compiler's nested types (lambdas, async state machines) left to <see cref="IlReferences"/>.</summary>
    public static IEnumerable<Type> Types => All.SelectMany(a => a.GetTypes()).Where(t => !t.IsNested || !IlReferences.IsCompilerGenerated(t));

    public static Assembly Named(string name) => All.Single(a => a.GetName().Name == name);
}
