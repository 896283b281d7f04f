using System.Reflection;
using Cms.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Site.Tests.Architecture;

/// <summary>Controllers take services, never the database: data access lives in the content manager and the modules' query services.</summary>
public sealed class ControllerDependencyTests
{
    /// <summary>
    /// Controllers allowed to use the DbContext, each with its reason. None needs it today; a new entry must say
    /// why a service cannot do the work (and a stale entry fails the test below).
    /// </summary>
    private static readonly Dictionary<string, string> s_allowed = new(StringComparer.Ordinal);

    public static IEnumerable<Type> Controllers => ProductAssemblies.Types
        .Where(t => typeof(ControllerBase).IsAssignableFrom(t) && !t.IsAbstract);

    [Fact]
    public void Controllers_AreFound_InEveryModuleWithPages()
    {
        var modules = Controllers.Select(c => c.Assembly.GetName().Name).Distinct().ToList();

        // A scan that found nothing would pass every rule below.
        Assert.Contains("Contents", modules);
        Assert.Contains("Comments", modules);
        Assert.Contains("Users", modules);
        Assert.True(Controllers.Count() > 30, $"found only {Controllers.Count()} controllers");
    }

    [Fact]
    public void Controllers_NeverTakeOrReachTheDbContext_UnlessAllowedWithAReason()
    {
        var offenders = Controllers
            .Where(c => !s_allowed.ContainsKey(c.FullName!))
            .Select(c => (Controller: c.FullName!, Why: WhyItTouchesTheDatabase(c)))
            .Where(o => o.Why is not null)
            .Select(o => $"{o.Controller}: {o.Why}")
            .ToList();

        Assert.True(offenders.Count == 0, "Controllers take services, not CmsDbContext:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void AllowList_NamesOnlyControllersThatStillNeedIt()
    {
        var stale = s_allowed.Keys.Where(name => Controllers.FirstOrDefault(c => c.FullName == name) is not { } c || WhyItTouchesTheDatabase(c) is null);

        Assert.Empty(stale);
    }

    private static string? WhyItTouchesTheDatabase(Type controller)
    {
        if (controller.GetConstructors().SelectMany(c => c.GetParameters()).FirstOrDefault(p => IsDb(p.ParameterType)) is { } parameter)
        {
            return $"its constructor takes {parameter.ParameterType.Name} {parameter.Name}";
        }

        var fields = controller.GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public);
        if (fields.FirstOrDefault(f => IsDb(f.FieldType)) is { } field)
        {
            return $"it holds {field.FieldType.Name} in {field.Name}";
        }

        var reached = IlReferences.Of(controller).FirstOrDefault(m => IsDb(m as Type)
            || IsDb(m.DeclaringType)
            || m is MethodInfo { IsGenericMethod: true } generic && generic.GetGenericArguments().Any(IsDb));
        return reached is null ? null : $"its code uses {reached.DeclaringType?.Name}.{reached.Name}";
    }

    private static bool IsDb(Type? type) => type is not null && typeof(DbContext).IsAssignableFrom(type);
}
