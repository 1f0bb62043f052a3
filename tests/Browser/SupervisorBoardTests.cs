using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AfterSales.Tests.Browser.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AfterSales.Tests.Browser;

/// <summary>The supervisor's board and the case page in a real Chromium: reassignment by keyboard and by drag, the routing
/// explanation, the CSV exports, the reassignment area following live changes.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class SupervisorBoardTests(BrowserFixture browser)
{
    /// <summary>The demo's second technical-support technician in the west, at capacity with one in-progress fault.</summary>
    private const string FullTechnician = "T-9202";

    /// <summary>The demo technician, with room for that fault.</summary>
    private const string RoomyTechnician = "T-9201";

    /// <summary>The demo customer whose profile language is zh-CN and who has a resolved case.</summary>
    private const string FirstCustomer = "C-9001";

    private const float LiveDeadlineMs = 10_000;

    [Fact]
    public async Task ASupervisorReassignsACaseByKeyboardOnlyAndDragsItBack()
    {
        var board = await OpenBoardAsync("en-US");
        var number = await CaseHeldByAsync(board, FullTechnician);

        // Keyboard only: Tab to the case's reassign button, Enter opens the picker with focus on its first technician,
        // Space picks it, Tab reaches the confirmation, Enter sends it.
        await Keyboard.TabToAsync(board, $"reassign-{number}");
        await board.Keyboard.PressAsync("Enter");
        var form = board.GetByTestId("reassign-form");
        await Expect(form).ToBeVisibleAsync();
        await Expect(form.Locator("input[type=radio]").First).ToBeFocusedAsync();
        await board.Keyboard.PressAsync("Space");
        var confirm = board.GetByTestId("reassign-confirm");
        await Expect(confirm).ToBeEnabledAsync();
        await board.Keyboard.PressAsync("Tab");
        await Expect(confirm).ToBeFocusedAsync();
        await board.Keyboard.PressAsync("Enter");

        await Expect(board.GetByTestId("board-message")).ToContainTextAsync($"{number} is now assigned to {RoomyTechnician}");
        await Expect(board.GetByTestId($"zone-{RoomyTechnician}").GetByTestId($"card-{number}")).ToBeVisibleAsync();
        await browser.ScreenshotAsync(board, "board-reassigned-en");

        // By drag: back to the technician it came from, which leaves the demo data as the other tests expect it.
        await board.GetByTestId($"card-{number}").DragToAsync(board.GetByTestId($"zone-{FullTechnician}").Locator(".drop-zone"));
        await Expect(board.GetByTestId("board-message")).ToContainTextAsync($"{number} is now assigned to {FullTechnician}");
        await Expect(board.GetByTestId($"zone-{FullTechnician}").GetByTestId($"card-{number}")).ToBeVisibleAsync();

        // The case itself says so: its page shows the technician and the supervisor's choice in the routing explanation.
        var casePage = await browser.NewPageAsync("en-US");
        await SignInAsync(casePage, "supervisor", "**/board/technical-support/west");
        await casePage.GotoAsync($"cases/{number}");
        await Expect(casePage.GetByTestId("case-assignee")).ToContainTextAsync(FullTechnician);
        await Expect(casePage.GetByTestId("routing-decision-0")).ToContainTextAsync("Supervisor's choice");
    }

    [Fact]
    public async Task ARefusedDropLeavesTheCardWhereItWasAndSaysWhy()
    {
        var board = await OpenBoardAsync("en-US");
        var number = await CaseHeldByAsync(board, RoomyTechnician);

        // The full technician has no room: the technician refuses, the card stays, the reason shows.
        await board.GetByTestId($"card-{number}").DragToAsync(board.GetByTestId($"zone-{FullTechnician}").Locator(".drop-zone"));
        await Expect(board.GetByTestId("board-error")).ToContainTextAsync($"Technician {FullTechnician} cannot take case {number}");
        await Expect(board.GetByTestId($"zone-{RoomyTechnician}").GetByTestId($"card-{number}")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ACaseAssignedAfterTheBoardOpenedGetsACardThatFollowsItsStatusWithoutAReload()
    {
        var board = await OpenBoardAsync("en-US");
        var column = board.GetByTestId($"zone-{RoomyTechnician}");
        await Expect(column).ToBeVisibleAsync();

        // A heat-pump fault of a west customer: only the roomy technician has the skill and the room.
        using var api = await AdminClientAsync();
        var created = await PostAsync(api, "/api/cases", new
        {
            customerId = "C-9003", type = "fault", priority = "high", channel = "phone", deviceSerial = "SN-DEMO-0004",
            subject = "Heat pump short-cycles", description = "Opened by the browser tests after the board.",
        });
        var number = created.GetProperty("number").GetString()!;
        Assert.Equal(RoomyTechnician, created.GetProperty("assignedTechnicianId").GetString());

        var card = column.GetByTestId($"card-{number}");
        await Expect(board.GetByTestId("live-changes")).ToContainTextAsync(number, new() { Timeout = LiveDeadlineMs });
        await Expect(card).ToContainTextAsync("Assigned · High", new() { Timeout = LiveDeadlineMs });

        // Started elsewhere: the card and the open-case table show the same new status.
        var started = await ActAsync(api, number, "start", new { }, created.GetProperty("version").GetInt64());
        await Expect(card).ToContainTextAsync("In progress", new() { Timeout = LiveDeadlineMs });
        await Expect(board.GetByTestId("board-cases").Locator("tr", new() { HasText = number })).ToContainTextAsync("In progress");

        // Resolved: the card leaves the board (and the technician has room again for the other tests).
        await ActAsync(api, number, "resolve", new { summary = "Reset the controller." }, started.GetProperty("version").GetInt64());
        await Expect(card).ToHaveCountAsync(0, new() { Timeout = LiveDeadlineMs });
        Assert.Equal(0, await board.Locator($"[data-testid=card-{number}]").CountAsync());
    }

    [Fact]
    public async Task AComplaintAwaitingReviewShowsOnTheBoardAndTheSupervisorApprovesIt()
    {
        // Filed, investigated and submitted by someone else (the reviewer must not be the one who submitted the findings).
        using var api = await AdminClientAsync();
        api.DefaultRequestHeaders.Add("X-Actor", "browser-tests");
        var id = (await PostAsync(api, "/api/complaints", new
        {
            customerId = FirstCustomer, channel = "phone", category = "serviceQuality", severity = "medium",
            description = "The technician left without testing the boiler.", technicianId = RoomyTechnician,
        })).GetProperty("id").GetString()!;
        await PostAsync(api, $"/api/complaints/{id}/acknowledge", new { });
        await PostAsync(api, $"/api/complaints/{id}/investigate", new { });
        await PostAsync(api, $"/api/complaints/{id}/submitForReview", new { rootCause = "productDefect", correctiveAction = "Test every repair before leaving." });

        var board = await OpenBoardAsync("en-US");
        var complaint = board.GetByTestId($"complaint-{id}");
        await Expect(complaint).ToContainTextAsync(RoomyTechnician);
        await board.GetByTestId($"approve-{id}").ClickAsync();

        await Expect(board.GetByTestId("board-message")).ToContainTextAsync($"The findings of {id} are approved.");
        await Expect(complaint).ToHaveCountAsync(0);
        var approved = await api.GetFromJsonAsync<JsonElement>($"/api/complaints/{id}");
        Assert.Equal("resolved", approved.GetProperty("status").GetString());
    }

    [Fact]
    public async Task TheCasePageExplainsTheRoutingInEitherLanguage()
    {
        var board = await OpenBoardAsync("en-US");
        var number = await CaseHeldByAsync(board, RoomyTechnician);
        await board.GotoAsync($"cases/{number}");
        var panel = board.GetByTestId("routing-panel");
        await Expect(panel).ToContainTextAsync("Routing: why here");
        await Expect(board.GetByTestId("routing-outcome")).ToContainTextAsync($"assigned to {RoomyTechnician}");
        await Expect(panel.GetByTestId("routing-candidates").First).ToContainTextAsync(RoomyTechnician);
        await browser.ScreenshotAsync(board, "case-routing-en");

        var chinese = await OpenBoardAsync("zh-CN");
        await chinese.GotoAsync($"cases/{number}");
        await Expect(chinese.GetByTestId("routing-panel")).ToContainTextAsync("分派说明");
        await Expect(chinese.GetByTestId("routing-outcome")).ToContainTextAsync($"已分派给 {RoomyTechnician}");
        await browser.ScreenshotAsync(chinese, "case-routing-zh-CN");
    }

    [Fact]
    public async Task TheBoardsListsExportAsCsvThatASpreadsheetReadsAsUtf8()
    {
        var board = await OpenBoardAsync("en-US");
        await Expect(board.GetByTestId($"zone-{RoomyTechnician}")).ToBeVisibleAsync();

        var roster = await DownloadAsync(board, "export-roster");
        Assert.StartsWith("technicianId,presence,onShift,load,capacity\r\n", roster, StringComparison.Ordinal);
        Assert.Contains($"{RoomyTechnician},onShift,true,", roster, StringComparison.Ordinal);

        // The open cases come from the API's case-list CSV, with the byte order mark put in front.
        var open = await DownloadAsync(board, "export-open");
        Assert.StartsWith("number,type,status,priority,channel,department,region,assigneeId", open, StringComparison.Ordinal);
        Assert.Matches(CaseNumber(), open);
    }

    [Fact]
    public async Task TheKpiPageChartsAPeriodTypedIntoTheDateRangePicker()
    {
        var page = await browser.NewPageAsync("en-US");
        await SignInAsync(page, "supervisor", "**/board/technical-support/west");
        await page.GotoAsync("kpis");
        await Expect(page.GetByTestId("kpi-figures")).ToContainTextAsync("NPS");
        await Expect(page.GetByTestId("chart-created-resolved").Locator("svg").First).ToBeVisibleAsync();

        // Fourteen days typed into the picker: the daily series has fourteen buckets, one CSV row each.
        var today = DateTime.UtcNow.AddHours(8).Date;
        var inputs = page.GetByTestId("kpi-period").Locator("input");
        await inputs.Nth(0).FillAsync(today.AddDays(-13).ToString("M/d/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await inputs.Nth(1).FillAsync(today.ToString("M/d/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await inputs.Nth(1).PressAsync("Enter");
        await Expect(page.GetByTestId("kpi-range")).ToContainTextAsync(today.AddDays(-13).ToString("M/d/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        var series = await DownloadAsync(page, "chart-created-resolved-csv");
        Assert.Equal(15, series.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.StartsWith(",Created,Resolved\r\n", series, StringComparison.Ordinal);
        await Expect(page.GetByTestId("chart-surveys").Locator("svg, p").First).ToBeVisibleAsync();
        await browser.ScreenshotAsync(page, "kpis-en");
    }

    [Fact]
    public async Task AChineseCustomersSurveyLinkOpensInChineseInAnEnglishBrowserAndTakesTheAnswer()
    {
        // The demo's resolved case of Li Na, whose profile says zh-CN.
        using var api = await AdminClientAsync();
        var cases = await api.GetFromJsonAsync<JsonElement>($"/api/cases?status=resolved&customer={FirstCustomer}");
        var number = cases.GetProperty("items")[0].GetProperty("number").GetString()!;

        var page = await browser.NewPageAsync("en-US");
        await SignInAsync(page, "supervisor", "**/board/technical-support/west");
        await page.GotoAsync($"cases/{number}");
        await page.GetByTestId("survey-link-resolution-1").ClickAsync();
        // The console starts again in the customer's language (its translations load at start).
        await page.WaitForURLAsync(SurveyPath());
        var token = SurveyPath().Match(page.Url).Groups["token"].Value;

        await Expect(page.Locator("h1")).ToHaveTextAsync("服务满意度调查");
        Assert.Equal("zh-CN", await page.EvaluateAsync<string>("() => document.documentElement.lang"));
        await browser.ScreenshotAsync(page, "survey-zh-CN");
        await page.GetByTestId("score-4").ClickAsync();
        await page.GetByTestId("nps-9").ClickAsync();
        await page.GetByTestId("survey-send").ClickAsync();
        await Expect(page.GetByTestId("survey-thanks")).ToContainTextAsync("谢谢");

        var survey = await api.GetFromJsonAsync<JsonElement>($"/api/surveys/{token}");
        Assert.True(survey.GetProperty("answered").GetBoolean());
        Assert.Equal(4, survey.GetProperty("response").GetProperty("score").GetInt32());
    }

    /// <summary>Saves a CSV through the page's button and reads it: it must start with the UTF-8 byte order mark.</summary>
    private static async Task<string> DownloadAsync(IPage page, string testId)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId(testId).ClickAsync());
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.True(bytes.Length > 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, $"{testId}: no UTF-8 byte order mark");
        return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
    }

    private async Task<IPage> OpenBoardAsync(string locale)
    {
        var page = await browser.NewPageAsync(locale);
        await SignInAsync(page, "supervisor", "**/board/technical-support/west");
        await Expect(page.GetByTestId("live-status")).ToHaveAttributeAsync("class", LiveChip(), new() { Timeout = LiveDeadlineMs });
        return page;
    }

    private static async Task SignInAsync(IPage page, string role, string startPage)
    {
        await page.GotoAsync("");
        await page.GetByTestId($"sign-in-{role}").ClickAsync();
        await page.WaitForURLAsync(startPage);
    }

    /// <summary>The number of the (first) case a technician's zone of the board holds.</summary>
    private static async Task<string> CaseHeldByAsync(IPage board, string technicianId)
    {
        var card = board.GetByTestId($"zone-{technicianId}").Locator("[data-testid^=card-]").First;
        await Expect(card).ToBeVisibleAsync();
        return (await card.GetAttributeAsync("data-testid"))!["card-".Length..];
    }

    /// <summary>An admin's client of the API the browser uses, for what a test reads or prepares outside the console.</summary>
    private async Task<HttpClient> AdminClientAsync()
    {
        var client = new HttpClient { BaseAddress = browser.Api.BaseAddress };
        using var token = await client.PostAsJsonAsync("/api/dev/tokens", new { role = "admin", subject = "browser-tests" });
        token.EnsureSuccessStatusCode();
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    private static async Task<JsonElement> PostAsync(HttpClient api, string path, object body)
    {
        using var response = await api.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> ActAsync(HttpClient api, string number, string action, object body, long version)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{number}/{action}") { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
        using var response = await api.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{action} {number}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [GeneratedRegex(@"/survey/(?<token>[A-Za-z0-9_-]{32})\?lang=zh-CN$")]
    private static partial Regex SurveyPath();

    [GeneratedRegex(@"mud-chip-color-success")]
    private static partial Regex LiveChip();

    [GeneratedRegex(@"\r\nAS-\d{4}-\d+,")]
    private static partial Regex CaseNumber();
}
