using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Site.BrowserTests.Accessibility;

/// <summary>axe-core in the page: the WCAG 2.0 and 2.1 A and AA rules; a serious or critical violation fails the test.</summary>
public static class Axe
{
    private static readonly string[] s_failingImpacts = ["serious", "critical"];

    private static readonly AxeRunOptions s_wcagAandAA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    /// <summary>Fails with each violation's rule id, impact, help URL and the elements it was found on.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(s_wcagAandAA);
        var serious = result.Violations.Where(v => s_failingImpacts.Contains(v.Impact)).ToList();
        if (serious.Count == 0)
        {
            return;
        }

        var report = new StringBuilder($"axe found {serious.Count} serious or critical violation(s) on {page.Url}:");
        foreach (var violation in serious)
        {
            report.Append($"\n- {violation.Id} ({violation.Impact}): {violation.Help} {violation.HelpUrl}");
            foreach (var node in violation.Nodes)
            {
                var checks = node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message);
                report.Append($"\n    {node.Target}: {string.Join(" / ", checks)}");
            }
        }

        Assert.Fail(report.ToString());
    }
}
