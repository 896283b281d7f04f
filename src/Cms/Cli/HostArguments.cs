using System.Text.RegularExpressions;

namespace Cms.Cli;

/// <summary>
/// The arguments the web host reads as its configuration rather than a verb's: <c>--Section:Key=value</c>,
/// <c>--Section:Key value</c>, <c>--urls URL</c>, <c>--environment NAME</c>, and before the verb any
/// <c>--Key=value</c>. No argument, or these alone, start the site; the rest is the verb's.
/// </summary>
public static partial class HostArguments
{
    // ASP.NET Core's own host settings (HostDefaults, WebHostDefaults), which take "--name value" as well.
    private static readonly HashSet<string> s_hostKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "urls", "environment", "contentRoot", "applicationName", "webroot", "http_ports", "https_ports",
        "hostingStartupAssemblies", "hostingStartupExcludeAssemblies", "preventHostingStartup",
        "detailedErrors", "captureStartupErrors", "shutdownTimeoutSeconds", "suppressStatusMessages", "preferHostingUrls",
    };

    /// <summary>True when every argument is one of the host's, so the site starts (no verb was asked for).</summary>
    public static bool AreAllHost(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count;)
        {
            var length = Length(args, i, beforeVerb: true);
            if (length == 0)
            {
                return false;
            }

            i += length;
        }

        return true;
    }

    /// <summary>The verb and its own arguments: the host's taken out (it has read them already).</summary>
    public static List<string> Remove(IReadOnlyList<string> args)
    {
        var rest = new List<string>();
        var beforeVerb = true;
        for (var i = 0; i < args.Count;)
        {
            var length = Length(args, i, beforeVerb);
            if (length == 0)
            {
                beforeVerb = false;
                rest.Add(args[i]);
                length = 1;
            }

            i += length;
        }

        return rest;
    }

    /// <summary>How many arguments from <paramref name="i"/> make one host setting: 1 (--Key=value), 2 (--Key value), or 0.</summary>
    private static int Length(IReadOnlyList<string> args, int i, bool beforeVerb)
    {
        var match = Setting().Match(args[i]);
        if (!match.Success)
        {
            return 0;
        }

        var key = match.Groups["key"].Value;
        var known = key.Contains(':', StringComparison.Ordinal) || s_hostKeys.Contains(key);
        if (match.Groups["value"].Success)
        {
            // "--site-name=x" after a verb is the verb's option; before any verb there is none to own it.
            return known || beforeVerb ? 1 : 0;
        }

        return known && i + 1 < args.Count && !args[i + 1].StartsWith('-') ? 2 : 0;
    }

    [GeneratedRegex(@"^--?(?<key>[A-Za-z][A-Za-z0-9_.-]*(:[A-Za-z0-9_.-]+)*)(?<value>=.*)?$", RegexOptions.Singleline)]
    private static partial Regex Setting();
}
