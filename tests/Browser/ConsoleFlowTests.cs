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
    public async Task AnAgentsNewCaseShowsOnTheSupervisorsBoardLiveTheTechnicianResolvesItTheCustomerAnswersTheSurveyAndTheKpiMoves()
    {
        // The KPI page before: no survey of the department has been answered yet.
        var kpis = await SignInAsync("en-US", "supervisor", "**/board/technical-support/west");
        await kpis.GotoAsync("kpis");
        await Expect(KpiFigure(kpis, "CSAT")).ToHaveTextAsync(new Regex(@"^\s*CSAT\s*—\s*$"));

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

        // The resolve issued the customer's survey: the technician hands over its link, and the customer (Wang Hao,
        // whose language is Chinese) opens it on their own phone, set to English, without an account: the survey speaks
        // the customer's language, and takes the answer.
        var link = technician.GetByTestId("survey-link");
        await Expect(technician.GetByTestId("resolved")).ToContainTextAsync($"{number} is resolved.");
        var href = await link.GetAttributeAsync("href");
        Assert.Matches(SurveyPath(), href);
        var surveyPage = await browser.NewPageAsync("en-US", width: 390, height: 844);
        await surveyPage.GotoAsync(href!);
        await Expect(surveyPage.Locator("h1")).ToHaveTextAsync("服务满意度调查");
        await Expect(surveyPage.GetByTestId("survey-about")).ToContainTextAsync(number);
        await Expect(surveyPage.Locator("h2").First).ToHaveTextAsync("您对本次服务的满意程度如何？");
        await Expect(surveyPage.GetByTestId("survey-send")).ToBeDisabledAsync();
        await surveyPage.GetByTestId("score-5").ClickAsync();
        await surveyPage.GetByTestId("nps-9").ClickAsync();
        await surveyPage.GetByTestId("survey-comment").FillAsync("师傅很专业，谢谢！");
        await browser.ScreenshotAsync(surveyPage, "survey-phone-zh-CN");
        await surveyPage.GetByTestId("survey-send").ClickAsync();
        await Expect(surveyPage.GetByTestId("survey-thanks")).ToHaveTextAsync("谢谢！我们已收到您的评价。");
        // The link is single-use: opened again, it shows the answer was taken.
        await surveyPage.ReloadAsync();
        await Expect(surveyPage.GetByTestId("survey-thanks")).ToBeVisibleAsync();

        // The KPI moves: the answer reaches the KPI figures through the case events (asynchronously), so the page is
        // read again until it shows it or the deadline passes.
        await ReloadUntilAsync(kpis, KpiFigure(kpis, "CSAT"), new Regex(@"^\s*CSAT\s*100\s*%\s*$"));
        await Expect(KpiFigure(kpis, "MTTR")).Not.ToHaveTextAsync(new Regex("—$"));
        await browser.ScreenshotAsync(kpis, "kpis-en");
    }

    /// <summary>The KPI page's figure whose caption starts with <paramref name="caption"/> (caption and value).</summary>
    private static ILocator KpiFigure(IPage page, string caption) =>
        page.GetByTestId("kpi-figures").Locator(".mud-paper", new() { HasTextRegex = new Regex("^" + Regex.Escape(caption)) });

    private static async Task ReloadUntilAsync(IPage page, ILocator locator, Regex text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            // A reload starts the WebAssembly runtime again: wait for the figures (default timeout), then for the text.
            await Expect(locator).ToBeVisibleAsync();
            try
            {
                await Expect(locator).ToHaveTextAsync(text, new() { Timeout = 2_000 });
                return;
            }
            catch (PlaywrightException) when (DateTime.UtcNow < deadline)
            {
                await page.ReloadAsync();
            }
        }
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

        var phone = await browser.SignInAsync("zh-CN", "technician", "**/technician", 390, 844);
        await Expect(phone.GetByTestId("my-queue")).ToContainTextAsync("AS-");
        await browser.ScreenshotAsync(phone, "technician-phone-zh-CN");
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
    public async Task APersonWhoseProfileSaysChineseSeesChineseOnAnEnglishBrowserUntilTheyChooseEnglish()
    {
        // Sun Mei's profile (her token's locale) is zh-CN; the browser asks for English.
        var page = await browser.SignInAsync("en-US", "admin", "**/board/customer-service/west");

        await Expect(page.Locator("h1")).ToContainTextAsync("看板");
        Assert.Equal("zh-CN", await page.EvaluateAsync<string>("() => document.documentElement.lang"));

        // A reload starts the console again: its language still comes from the profile, and the stored session is read once
        // (the profile's language is taken from the session loaded, not read apart).
        await page.AddInitScriptAsync("""
            (() => {
                const read = Storage.prototype.getItem;
                window.sessionReads = 0;
                Storage.prototype.getItem = function (key) {
                    if (key === 'aftersales.session') window.sessionReads++;
                    return read.call(this, key);
                };
            })();
            """);
        await page.ReloadAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("看板");
        Assert.Equal(1, await page.EvaluateAsync<int>("() => window.sessionReads"));

        await page.EvaluateAsync("() => localStorage.setItem('aftersales.culture', 'en')");
        await page.ReloadAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("Board");
    }

    [Fact]
    public async Task TheTechniciansQueueFitsAPhone()
    {
        var page = await browser.NewPageAsync("en-US", width: 390, height: 844);
        await page.GotoAsync("");
        await page.GetByTestId("sign-in-technician").ClickAsync();
        await page.WaitForURLAsync("**/technician");
        await Expect(page.GetByTestId("my-queue")).ToContainTextAsync("AS-");

        Assert.False(await BrowserFixture.OverflowsAsync(page), "The technician's queue scrolls sideways on a 390 px wide screen");
        await browser.ScreenshotAsync(page, "technician-phone-en");
    }

    private Task<IPage> SignInAsync(string locale, string role, string startPage) => browser.SignInAsync(locale, role, startPage);

    [GeneratedRegex(@"/cases/AS-\d{4}-\d+$")]
    private static partial Regex CasePath();

    [GeneratedRegex("^survey/[A-Za-z0-9_-]{32}$")]
    private static partial Regex SurveyPath();
}
