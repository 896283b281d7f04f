using System.Reflection;
using Cms.Content;
using Cms.Data;
using Cms.Security;
using Microsoft.AspNetCore.Mvc;
using Modules.Contents.Models;

namespace Site.Tests.Architecture;

/// <summary>One owner for each lookup (issue 11): the code that may read a table or make an address, read from the IL.</summary>
public sealed class OwnershipTests
{
    [Fact]
    public void ContentTable_IsReadOnlyByTheContentManager()
    {
        var readers = TypesWhoseCode(m => m is MethodInfo { Name: "get_ContentItems" } getter && getter.DeclaringType == typeof(CmsDbContext)
            || UsesAsGenericArgument(m, typeof(ContentItemRecord)) && m.Name == "Set")
            .Where(t => t != typeof(CmsDbContext).FullName);

        // Index query services filter ContentManager.Query() and load items with ListAsync; none reads the table itself.
        // The content manager's own batch import (ContentImporter, internal to Cms.Content) is the one other writer.
        Assert.Equal(["Cms.Content.ContentImporter", typeof(ContentManager).FullName!], readers.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AutorouteIndex_IsReadOnlyByTheContentsModulesEntries()
    {
        var index = ProductAssemblies.Named("Contents").GetType("Modules.Contents.Indexes.AutoroutePartIndex", throwOnError: true)!;
        var readers = TypesWhoseCode(m => m.DeclaringType == index || UsesAsGenericArgument(m, index) || m as Type == index)
            .Where(t => t != index.FullName && !t.StartsWith("Site.CompiledModels.", StringComparison.Ordinal));

        // The index's own table mapping is the other one that names it (and its generated form, EF Core's compiled models).
        Assert.Equal(["Modules.Contents.Indexes.AutorouteModel", "Modules.Contents.Services.AutorouteEntries"], readers.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ItemPaths_AreReadOnlyInsideTheContentsModule()
    {
        var outside = ProductAssemblies.Types
            .Where(t => t.Assembly.GetName().Name is not ("Contents" or "Contents.Abstractions"))
            .Where(t => IlReferences.Of(t).Any(m => m is MethodInfo { Name: "get_Path" } getter && getter.DeclaringType == typeof(AutoroutePart)))
            .Select(t => t.FullName);

        // Everyone else asks IAutorouteEntries (PathOf, UrlOfAsync, PathsOfAsync), which makes the address from the configured base URL.
        Assert.Empty(outside);
    }

    [Fact]
    public void RefusingAVisitorOrAUser_IsDecidedInOnePlace()
    {
        var both = ProductAssemblies.Types
            .Where(t => IlReferences.Of(t) is var refs
                && refs.Any(m => m.Name == nameof(ControllerBase.Challenge) && m.DeclaringType == typeof(ControllerBase))
                && refs.Any(m => m.Name == nameof(ControllerBase.Forbid) && m.DeclaringType == typeof(ControllerBase)))
            .Select(t => t.FullName)
            .ToList();

        Assert.Equal([typeof(ControllerAuthorizationExtensions).FullName], both);
    }

    [Fact]
    public void Drivers_NameDisplayTypesByTheSharedConstants()
    {
        // Read from the source: a constant is copied into the IL as its text, so the IL cannot tell them apart.
        var drivers = RepositoryFiles.Under("src", "*PartDriver.cs");
        var spelled = drivers
            .SelectMany(f => RepositoryFiles.Read(f).Split('\n').Select((line, i) => (f, line, i)))
            .Where(l => l.line.Contains("\"Summary\"", StringComparison.Ordinal) || l.line.Contains("\"Detail\"", StringComparison.Ordinal) || l.line.Contains("\"Edit\"", StringComparison.Ordinal))
            .Select(l => $"{l.f}:{l.i + 1}: {l.line.Trim()}")
            .ToList();

        Assert.True(drivers.Count >= 8, $"found only {drivers.Count} drivers");
        Assert.Empty(spelled);
    }

    private static List<string> TypesWhoseCode(Func<MemberInfo, bool> refersTo)
        => ProductAssemblies.Types.Where(t => IlReferences.Of(t).Any(refersTo)).Select(t => t.FullName!).Distinct().ToList();

    private static bool UsesAsGenericArgument(MemberInfo member, Type type)
        => member is MethodInfo { IsGenericMethod: true } method && method.GetGenericArguments().Contains(type)
            || member.DeclaringType is { IsGenericType: true } declaring && declaring.GetGenericArguments().Contains(type);
}
