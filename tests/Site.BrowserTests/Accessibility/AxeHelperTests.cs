using Xunit.Sdk;

namespace Site.BrowserTests.Accessibility;

/// <summary>The axe helper really fails, and says why, so a clean page means something.</summary>
[Collection(ReadersCollection.Name)]
public sealed class AxeHelperTests(ReadersSite site) : ReadersTest(site)
{
    [Fact]
    public async Task AssertNoSeriousViolations_FailsWithRuleImpactTargetAndHelp_WhenThePageHasThem()
    {
        var page = await Site.ReaderPageAsync();
        await page.SetContentAsync("""
            <!DOCTYPE html><html lang="en"><head><title>Broken</title></head>
            <body><main><h1>Broken</h1><img id="no-alt" src="data:,"><p id="faint" style="color:#aaa;background:#bbb">Faint text</p></main></body></html>
            """);

        var failure = await Assert.ThrowsAsync<FailException>(() => Axe.AssertNoSeriousViolationsAsync(page));

        Assert.Contains("image-alt (critical)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("#no-alt", failure.Message, StringComparison.Ordinal);
        Assert.Contains("color-contrast (serious)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("#faint", failure.Message, StringComparison.Ordinal);
        Assert.Contains("https://dequeuniversity.com/rules/axe/", failure.Message, StringComparison.Ordinal);
    }
}
