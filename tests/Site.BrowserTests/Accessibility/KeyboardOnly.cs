using Microsoft.Playwright;

namespace Site.BrowserTests.Accessibility;

/// <summary>Moving through a page as a keyboard user does: Tab, and reading where the focus landed.</summary>
public static class KeyboardOnly
{
    /// <summary>Presses Tab until the focused element matches <paramref name="selector"/>; fails naming the selector when it never does.</summary>
    public static async Task TabToAsync(IPage page, string selector, int maxPresses = 150)
    {
        for (var presses = 0; presses < maxPresses; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await FocusedMatchesAsync(page, selector))
            {
                return;
            }
        }

        Assert.Fail($"{maxPresses} presses of Tab on {page.Url} never reached {selector}; the focus ended on {await FocusedAsync(page)}.");
    }

    public static Task<bool> FocusedMatchesAsync(IPage page, string selector)
        => page.EvaluateAsync<bool>("s => document.activeElement != null && document.activeElement.matches(s)", selector);

    /// <summary>The focused element, written as a selector-like string for failure messages.</summary>
    public static Task<string> FocusedAsync(IPage page)
        => page.EvaluateAsync<string>("""
            () => {
              const e = document.activeElement;
              if (!e) return "(nothing)";
              return e.localName + (e.id ? "#" + e.id : "") + (e.name ? "[name=" + e.name + "]" : "") + (e.className ? "." + String(e.className).split(" ").join(".") : "");
            }
            """);
}
