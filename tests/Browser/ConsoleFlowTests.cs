using System.Text.RegularExpressions;
using AfterSales.Tests.Browser.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AfterSales.Tests.Browser;

/// <summary>The console's main flow in a real Chromium against the API process as a user starts it: the agent's screen
/// pop and new case, the supervisor's board updated live, the technician resolving the case.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ConsoleFlowTests(BrowserFixture browser)
{
    /// <summary>The issue asks for a second; the deadline leaves room for a loaded test machine.</summary>
    private const float LiveDeadlineMs = 10_000;

    [Fact]
    public async Task AnAgentsNewCaseShowsOnTheSupervisorsBoardLiveAndTheTechnicianResolvesIt()
    {
        var board = await SignInAsync("en-US", "supervisor", "**/board/technical-support/west");
        await Expect(board.GetByTestId("live-status")).ToContainTextAsync("Live");

        var agent = await SignInAsync("en-US", "agent", "**/agent");
        await agent.GetByTestId("phone").FillAsync("+86 139 0000 9002");
        await agent.GetByTestId("screen-pop").ClickAsync();
        var customer = agent.GetByTestId("customer-360");
        await Expect(customer).ToContainTextAsync("Wang Hao");
        await Expect(customer).ToContainTextAsync("SN-DEMO-0003");
        await browser.ScreenshotAsync(agent, "agent-en");

        await agent.GetByTestId("case-subject").FillAsync("Boiler makes a knocking noise");
        await agent.GetByTestId("case-description").FillAsync("Loud knocking when the heating starts in the morning.");
        await agent.GetByTestId("create-case").ClickAsync();
        await agent.WaitForURLAsync(CasePath());
        var number = agent.Url[(agent.Url.LastIndexOf('/') + 1)..];
        await Expect(agent.GetByTestId("case-status")).ToBeVisibleAsync();
        await browser.ScreenshotAsync(agent, "case-en");

        // Pushed to the board that was already open: no reload, no polling.
        await Expect(board.GetByTestId("live-changes")).ToContainTextAsync(number, new() { Timeout = LiveDeadlineMs });
        await browser.ScreenshotAsync(board, "board-en");

        // The demo's other west technician is at capacity, so the new fault is the demo technician's.
        var technician = await SignInAsync("en-US", "technician", "**/technician");
        await Expect(technician.GetByTestId("my-queue")).ToContainTextAsync(number);
        await browser.ScreenshotAsync(technician, "technician-en");
        await technician.GetByTestId($"{number}-start").ClickAsync();
        await technician.GetByTestId($"{number}-resolve").ClickAsync();
        await Expect(technician.GetByTestId($"{number}-resolve")).ToHaveCountAsync(0);

        // The agent's open case page follows the case too.
        await Expect(agent.GetByTestId("case-status")).ToHaveTextAsync("Resolved", new() { Timeout = LiveDeadlineMs });
    }

    [Fact]
    public async Task AChineseBrowserSeesTheConsoleInChinese()
    {
        var page = await browser.NewPageAsync("zh-CN");
        await page.GotoAsync("");
        await Expect(page.Locator("h1")).ToHaveTextAsync("登录");
        await browser.ScreenshotAsync(page, "sign-in-zh-CN");

        await page.GetByTestId("sign-in-agent").ClickAsync();
        await page.WaitForURLAsync("**/agent");
        await Expect(page.Locator("h1")).ToHaveTextAsync("来电弹屏");
        await page.GetByTestId("phone").FillAsync("13900009001");
        await page.GetByTestId("screen-pop").ClickAsync();
        await Expect(page.GetByTestId("customer-360")).ToContainTextAsync("黄金");
        await browser.ScreenshotAsync(page, "agent-zh-CN");

        var board = await SignInAsync("zh-CN", "supervisor", "**/board/technical-support/west");
        await Expect(board.GetByTestId("live-status")).ToContainTextAsync("实时");
        await browser.ScreenshotAsync(board, "board-zh-CN");

        var technician = await SignInAsync("zh-CN", "technician", "**/technician");
        await Expect(technician.Locator("h1")).ToHaveTextAsync("我的工单");
        await browser.ScreenshotAsync(technician, "technician-zh-CN");
    }

    [Fact]
    public async Task TheLanguageChosenIsKeptOverTheBrowsers()
    {
        var page = await browser.NewPageAsync("en-US");
        await page.GotoAsync("");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Sign in");
        await browser.ScreenshotAsync(page, "sign-in-en");

        await page.EvaluateAsync("() => localStorage.setItem('aftersales.culture', 'zh-CN')");
        await page.ReloadAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("登录");
        Assert.Equal("zh-CN", await page.EvaluateAsync<string>("() => document.documentElement.lang"));
    }

    [Fact]
    public async Task TheTechniciansQueueFitsAPhone()
    {
        var page = await browser.NewPageAsync("en-US", width: 390, height: 844);
        await page.GotoAsync("");
        await page.GetByTestId("sign-in-technician").ClickAsync();
        await page.WaitForURLAsync("**/technician");
        await Expect(page.GetByTestId("my-queue")).ToContainTextAsync("AS-");

        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "The technician's queue scrolls sideways on a 390 px wide screen");
        await browser.ScreenshotAsync(page, "technician-phone-en");
    }

    private async Task<IPage> SignInAsync(string locale, string role, string startPage)
    {
        var page = await browser.NewPageAsync(locale);
        await page.GotoAsync("");
        await page.GetByTestId($"sign-in-{role}").ClickAsync();
        await page.WaitForURLAsync(startPage);
        return page;
    }

    [GeneratedRegex(@"/cases/AS-\d{4}-\d+$")]
    private static partial Regex CasePath();
}
