using Cms.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Site.Tests.Infrastructure;

namespace Site.BrowserTests;

/// <summary>
/// The real site on Kestrel (a real port, so a real browser can reach it) and Debian's Chromium
/// driven by Playwright. Screenshots go to TestResults/screenshots beside the test assembly.
/// </summary>
public class BrowserSite : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public BrowserSite()
        : this(new SiteFactory())
    {
    }

    protected BrowserSite(SiteFactory site) => Site = site;

    public SiteFactory Site { get; }

    /// <summary>False for a site that shows the setup screen: its address is typed there.</summary>
    protected virtual bool IsSetUp => true;

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        Site.UseKestrel(0);
        Site.StartServer();
        BaseUrl = Site.ClientOptions.BaseAddress.ToString().TrimEnd('/');

        if (IsSetUp)
        {
            // The site answers only at its public address: make it the port Kestrel chose, as a deployer sets it.
            await Site.InScopeAsync(sp => sp.GetRequiredService<ISiteService>().UpdateAsync(s => s.BaseUrl = BaseUrl));
        }

        Directory.CreateDirectory(ScreenshotFolder);
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // The machine has no network but loopback: keep Chromium from calling home.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await Site.DisposeAsync();
    }

    /// <summary>A page in a fresh context: its own cookies (or those of <paramref name="storageState"/>, a signed-in session), the reader's colour scheme emulated.</summary>
    public async Task<IPage> NewPageAsync(ColorScheme colorScheme = ColorScheme.Light, string? storageState = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            ColorScheme = colorScheme,
            StorageState = storageState,
        });
        // Playwright's 30 s fell short on the shared 2-core machine under a full test run (a navigation waiting for
        // the site's first answer of a view, or for Chromium's own turn): a slow machine is not a failing site.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Waits until the page's address matches <paramref name="glob"/> (<c>**</c> for any text) and the document there has
    /// loaded. Playwright's own WaitForURLAsync watches for the load event after the address matches; in a full parallel
    /// run it once missed that event and timed out, the page long loaded. This asks the page instead.
    /// </summary>
    public static Task WaitForAddressAsync(IPage page, string glob)
    {
        var pattern = new System.Text.RegularExpressions.Regex(
            "^" + string.Join(".*", glob.Split("**").Select(System.Text.RegularExpressions.Regex.Escape)) + "$");
        return WaitForAddressAsync(page, pattern.IsMatch);
    }

    /// <inheritdoc cref="WaitForAddressAsync(IPage, string)"/>
    public static async Task WaitForAddressAsync(IPage page, Func<string, bool> matches)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!matches(page.Url))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The page stayed at {page.Url} for 60 s.");
            }

            await Task.Delay(50);
        }

        await page.WaitForFunctionAsync("() => document.readyState === 'complete'");
    }

    public static Task ScreenshotAsync(IPage page, string name)
        => page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
}
