using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AfterSales.Tests.Browser.Infrastructure;

/// <summary>Reads the accessibility tree Chromium builds of a page and lists the controls a screen reader would announce
/// without a name (WCAG 4.1.2): a button, input or link with no label, text or aria-label.</summary>
public static partial class AccessibleNames
{
    /// <summary>The interactive elements of the page that have no accessible name, as the tree's lines.</summary>
    public static async Task<IReadOnlyList<string>> UnnamedControlsAsync(IPage page)
    {
        var tree = await page.Locator("body").AriaSnapshotAsync();
        return [.. tree.Split('\n').Where(line => UnnamedControl().IsMatch(line)).Select(line => line.Trim())];
    }

    /// <summary>Fails with the page's address and the unnamed controls when there is any.</summary>
    public static async Task AssertEveryControlIsNamedAsync(IPage page, string what)
    {
        var unnamed = await UnnamedControlsAsync(page);
        Assert.True(unnamed.Count == 0, $"{what} ({page.Url}) has controls without an accessible name:\n{string.Join('\n', unnamed)}");
    }

    [GeneratedRegex(@"^\s*- (button|textbox|combobox|checkbox|radio|spinbutton|slider|switch|searchbox|listbox|menuitem|option|tab|link)( \[[^\]]*\])*:?$")]
    private static partial Regex UnnamedControl();
}
