namespace TraceSummary;

/// <summary>Names the library (or the site's own code) a frame belongs to, from its assembly and namespace.</summary>
internal static class Components
{
    private static readonly string[] s_siteAssemblies =
        ["Cms", "Site", "Admin", "Comments", "Contents", "Email", "Markdown", "NewsCommentary", "Recipes", "Search", "Setup", "Users", "CommentaryTheme"];

    private static readonly (string Prefix, string Name)[] s_byModule =
    [
        ("Microsoft.EntityFrameworkCore", "EF Core"),
        ("Microsoft.Data.Sqlite", "SQLite, ADO.NET and native"),
        ("SQLitePCLRaw", "SQLite, ADO.NET and native"),
        ("e_sqlite3", "SQLite, ADO.NET and native"),
        ("libe_sqlite3", "SQLite, ADO.NET and native"),
        ("Npgsql", "Npgsql"),
        ("Markdig", "Markdig, Markdown"),
        ("HtmlSanitizer", "HtmlSanitizer and AngleSharp"),
        ("AngleSharp", "HtmlSanitizer and AngleSharp"),
        ("Fluid", "Fluid, Liquid"),
        ("System.Text.Json", "System.Text.Json"),
        ("System.Text.Encodings.Web", "HTML encoding"),
        ("Microsoft.AspNetCore.Mvc.Razor", "MVC and Razor"),
        ("Microsoft.AspNetCore.Mvc", "MVC and Razor"),
        ("Microsoft.AspNetCore.Razor", "MVC and Razor"),
        ("Microsoft.AspNetCore.Html", "MVC and Razor"),
        ("Microsoft.AspNetCore.Antiforgery", "antiforgery"),
        ("Microsoft.AspNetCore.DataProtection", "Data Protection"),
        ("Microsoft.AspNetCore.Authentication", "authentication cookie"),
        ("Microsoft.AspNetCore.Identity", "Identity"),
        ("Microsoft.Extensions.Identity", "Identity"),
        ("Microsoft.AspNetCore.Authorization", "authorization"),
        ("Microsoft.AspNetCore.OutputCaching", "output cache"),
        ("Microsoft.AspNetCore.Routing", "routing"),
        ("Microsoft.AspNetCore.Server.Kestrel", "Kestrel and sockets"),
        ("System.Net.Sockets", "Kestrel and sockets"),
        ("System.IO.Pipelines", "Kestrel and sockets"),
        ("Microsoft.Extensions.DependencyInjection", "dependency injection"),
        ("Microsoft.Extensions.Caching", "memory cache"),
        ("Microsoft.Extensions.Logging", "logging"),
        ("System.Linq.Expressions", "expression trees"),
        ("System.Linq", "LINQ"),
        ("System.Collections", "collections"),
        ("System.Private.CoreLib", "CoreLib"),
        ("Microsoft.AspNetCore", "ASP.NET Core, other"),
        ("Microsoft.Extensions", "Microsoft.Extensions, other"),
    ];

    public static bool IsSite(string module) => s_siteAssemblies.Contains(module, StringComparer.Ordinal);

    public static string Of(Frame frame)
    {
        if (IsSite(frame.Module))
        {
            return frame.Method.StartsWith("AspNetCoreGeneratedDocument.", StringComparison.Ordinal) ? "the site's views" : "the site's code";
        }

        // Reflection and dynamic methods (EF's and DI's compiled delegates) sit in CoreLib; name them apart.
        if (frame.Method.StartsWith("System.Reflection", StringComparison.Ordinal) || frame.Method.StartsWith("System.RuntimeType", StringComparison.Ordinal))
        {
            return "reflection";
        }

        if (frame.Method.StartsWith("System.GC", StringComparison.Ordinal) || frame.Method.Contains("PollGC", StringComparison.Ordinal))
        {
            return "GC";
        }

        foreach (var (prefix, name) in s_byModule)
        {
            if (frame.Module.StartsWith(prefix, StringComparison.Ordinal))
            {
                return name;
            }
        }

        return frame.Module.StartsWith('?') || frame.Method.StartsWith("?!", StringComparison.Ordinal) ? "native or unresolved" : frame.Module;
    }
}
