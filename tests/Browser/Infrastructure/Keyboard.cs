using Microsoft.Playwright;

namespace AfterSales.Tests.Browser.Infrastructure;

/// <summary>How a keyboard user moves through a page: Tab (or Shift+Tab) until the focus is where they want it.</summary>
public static class Keyboard
{
    /// <summary>Presses Tab (Shift+Tab when <paramref name="backwards"/>) until the focus is on <paramref name="target"/> or
    /// inside it (a MudBlazor input's test id sits on its wrapper): proof that the keyboard reaches it.</summary>
    public static async Task TabToAsync(IPage page, ILocator target, bool backwards = false, int maxPresses = 200)
    {
        for (var presses = 0; presses < maxPresses; presses++)
        {
            if (await HasFocusAsync(target))
            {
                return;
            }
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
        }
        Assert.Fail($"{target} was not reached with the {(backwards ? "Shift+Tab" : "Tab")} key in {maxPresses} presses");
    }

    /// <summary><see cref="TabToAsync(IPage, ILocator, bool, int)"/> for the element with the test id.</summary>
    public static Task TabToAsync(IPage page, string testId, bool backwards = false, int maxPresses = 200) =>
        TabToAsync(page, page.GetByTestId(testId), backwards, maxPresses);

    /// <summary>True when the focused element is the target or inside it.</summary>
    public static async Task<bool> HasFocusAsync(ILocator target) =>
        await target.CountAsync() > 0
        && await target.First.EvaluateAsync<bool>("e => e === document.activeElement || e.contains(document.activeElement)");
}
