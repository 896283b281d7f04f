namespace Site.Tests.Faults;

/// <summary>
/// How many generated inputs each fault test tries: a CI-sized default, or CMS_FAULT_CASES (e.g.
/// <c>CMS_FAULT_CASES=20000 dotnet test tests/Site.Tests --filter FullyQualifiedName~FaultsTests</c>).
/// CMS_FAULT_SEED replays the run a failure names.
/// </summary>
public static class FaultCases
{
    public static long Count(long ciDefault)
        => long.TryParse(Environment.GetEnvironmentVariable("CMS_FAULT_CASES"), out var n) && n > 0 ? n : ciDefault;

    public static string? Seed => Environment.GetEnvironmentVariable("CMS_FAULT_SEED") is { Length: > 0 } seed ? seed : null;

    /// <summary>Strings that have broken parsers, renderers and databases elsewhere.</summary>
    public static readonly string[] Hostile =
    [
        "", " ", "\0", "\u0000\u0001\u001f", "\ud800", "\udfff\ud800", "\u202e\u2066RTL", "\ufeff", "😀🏳️‍🌈", "ｔｅｓｔ",
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "JaVaScRiPt:alert(1)",
        "&#106;avascript:alert(1)", "java\tscript:alert(1)", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(1)", "'; DROP TABLE \"Document\"; --", "\" OR 1=1 --", "[js: uuid()]", "[js: variables('nope')]",
        "[js: parameters('AdminUsername')]", "[js: configuration('ConnectionStrings:x', 'y')]", "[js: process.exit()]",
        "{{ 7*7 }}", "${7*7}", "%s%s%s%n", "../../../../etc/passwd", "C:\\Windows\\win.ini", "\\\\server\\share",
        "https://example.org/" + new string('a', 3000), new string('x', 70_000), new string('[', 500), new string('*', 1000),
        "null", "true", "-1", "1e308", "-0", "NaN", "9223372036854775808", "0x7fffffff", "2026-02-30T25:61:61Z",
        "<svg><animate onbegin=alert(1) attributeName=x dur=1s>", "<a href=\"javascript&colon;alert(1)\">x</a>",
        "<iframe src=//evil.example></iframe>", "<style>*{display:none}</style>", "<form action=//evil.example><input></form>",
    ];
}
