using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AfterSales.Console.Layout;
using AfterSales.Tests.Browser.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AfterSales.Tests.Browser;

/// <summary>The console without a mouse and with a screen reader: the agent's whole flow with the keyboard only, a visible
/// focus ring on buttons and links, and an accessible name on every control of every page in both languages.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class AccessibilityTests(BrowserFixture browser)
{
    /// <summary>A north customer: the case stays out of the west boards the other tests count on.</summary>
    private const string NorthCaller = "+86 139 0000 9004";

    private const string NorthDevice = "SN-DEMO-0005";

    [Fact]
    public async Task AnAgentSignsInCreatesACaseAddsANoteAndEscalatesItWithTheKeyboardOnly()
    {
        var page = await browser.NewPageAsync("en-US");
        await page.GotoAsync("");

        // Sign in: Tab to the agent's button, Enter.
        await Keyboard.TabToAsync(page, "sign-in-agent");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/agent");

        // Screen pop: the phone field, the number typed, Enter submits.
        await Keyboard.TabToAsync(page, "phone");
        await page.Keyboard.TypeAsync(NorthCaller);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("customer-360")).ToContainTextAsync("Zhang Qiang");

        // The new case: each list opens with Enter, the arrow keys move, Enter picks; Shift+Tab goes back.
        await Keyboard.TabToAsync(page, "case-type");
        await PickAsync(page, "case-type", "Consultation");
        await Keyboard.TabToAsync(page, "case-priority");
        await PickAsync(page, "case-priority", "High");
        await Keyboard.TabToAsync(page, "case-device");
        await PickAsync(page, "case-device", NorthDevice);
        await Keyboard.TabToAsync(page, "case-subject");
        await page.Keyboard.TypeAsync("Which flow temperature for floor heating");
        await Keyboard.TabToAsync(page, "case-description");
        await page.Keyboard.TypeAsync("The caller asks how to set the heat pump for the new floor heating.");
        await Keyboard.TabToAsync(page, "case-priority", backwards: true);
        await Expect(page.GetByTestId("case-priority")).ToContainTextAsync("High");
        await Keyboard.TabToAsync(page, "create-case");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(CasePath());
        var number = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        await Expect(page.GetByTestId("case-status")).ToBeVisibleAsync();

        // A note, customer-visible, with the keyboard.
        await Keyboard.TabToAsync(page, "note-text");
        await page.Keyboard.TypeAsync("Sent the floor-heating guide by e-mail.");
        await Keyboard.TabToAsync(page, "note-visibility");
        await PickAsync(page, "note-visibility", "Customer-visible");
        await Keyboard.TabToAsync(page, "note-add");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("note").Last).ToContainTextAsync("Sent the floor-heating guide by e-mail.");

        // Escalation with a reason: the reason typed, Shift+Tab never needed, Enter on the button.
        await Keyboard.TabToAsync(page, "action-reason", backwards: true);
        await page.Keyboard.TypeAsync("Needs a heating engineer's advice");
        await Keyboard.TabToAsync(page, "action-escalate");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("case-status")).ToBeVisibleAsync();

        using var api = await browser.Api.ClientAsync("admin", "browser-tests");
        var created = await api.GetFromJsonAsync<JsonElement>($"/api/cases/{number}");
        Assert.Equal("technical-support", created.GetProperty("department").GetString());
        Assert.Equal("consultation", created.GetProperty("type").GetString());
        Assert.Equal("high", created.GetProperty("priority").GetString());
        Assert.Equal(NorthDevice, created.GetProperty("deviceSerial").GetString());
        var note = created.GetProperty("notes").EnumerateArray().Single();
        Assert.Equal("customer", note.GetProperty("visibility").GetString());
        var history = await api.GetFromJsonAsync<JsonElement>($"/api/cases/{number}/history");
        Assert.Contains(history.GetProperty("events").EnumerateArray(), e => e.GetProperty("details").ToString().Contains("heating engineer", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("zh-CN")]
    public async Task EveryControlOnEveryPageHasAnAccessibleName(string locale)
    {
        var signIn = await browser.NewPageAsync(locale);
        await signIn.GotoAsync("");
        await Expect(signIn.GetByTestId("sign-in-agent")).ToBeVisibleAsync();
        await AccessibleNames.AssertEveryControlIsNamedAsync(signIn, "the sign-in page");

        var agent = await browser.SignInAsync(locale, "agent", "**/agent");
        await agent.GetByTestId("phone").FillAsync(NorthCaller);
        await agent.GetByTestId("screen-pop").ClickAsync();
        await Expect(agent.GetByTestId("customer-360")).ToContainTextAsync(NorthDevice);
        await AccessibleNames.AssertEveryControlIsNamedAsync(agent, "the agent's screen pop");

        var number = await agent.GetByTestId("customer-360").Locator("a[href^='cases/']").First.TextContentAsync();
        await agent.GotoAsync($"cases/{number}");
        await Expect(agent.GetByTestId("timeline")).ToBeVisibleAsync();
        await AccessibleNames.AssertEveryControlIsNamedAsync(agent, "the case page");

        var technician = await browser.SignInAsync(locale, "technician", "**/technician");
        await Expect(technician.GetByTestId("my-queue").Locator(".mud-card").First).ToBeVisibleAsync();
        await AccessibleNames.AssertEveryControlIsNamedAsync(technician, "the technician's queue");

        // The demo's work orders by address: another test may have finished them already, and their pages stay.
        var installer = await browser.SignInAsync(locale, "installer", "**/technician");
        await installer.GotoAsync($"technician/installation/{await DemoCaseAsync("department=installation&region=west&text=annex")}");
        await Expect(installer.GetByTestId("checklist-progress")).ToBeVisibleAsync();
        await AccessibleNames.AssertEveryControlIsNamedAsync(installer, "the installation checklist");

        var maintenance = await browser.SignInAsync(locale, "maintenance", "**/technician");
        await maintenance.GotoAsync($"technician/visit/{await DemoCaseAsync("department=maintenance&region=west&text=winter")}");
        await maintenance.GetByTestId("visit-add-part").ClickAsync();
        await Expect(maintenance.GetByTestId("part-0-number")).ToBeVisibleAsync();
        await AccessibleNames.AssertEveryControlIsNamedAsync(maintenance, "the visit page");

        var supervisor = await browser.SignInAsync(locale, "supervisor", "**/board/technical-support/west");
        var card = supervisor.GetByTestId("board-reassign").Locator("[data-testid^=reassign-]:not([data-testid=reassign-reason])").First;
        await card.ClickAsync();
        await Expect(supervisor.GetByTestId("reassign-form")).ToBeVisibleAsync();
        await AccessibleNames.AssertEveryControlIsNamedAsync(supervisor, "the board with the reassign picker open");

        await supervisor.GotoAsync("kpis");
        await Expect(supervisor.GetByTestId("chart-created-resolved").Locator("svg").First).ToBeVisibleAsync();
        await AccessibleNames.AssertEveryControlIsNamedAsync(supervisor, "the KPI page");

        var survey = await browser.NewPageAsync(locale);
        await survey.GotoAsync($"survey/{await SurveyTokenAsync()}");
        await Expect(survey.GetByTestId("survey-about")).ToBeVisibleAsync();
        await AccessibleNames.AssertEveryControlIsNamedAsync(survey, "the survey page");
    }

    [Fact]
    public async Task ButtonsAndLinksReachedByKeyboardShowTheFocusRing()
    {
        var page = await browser.NewPageAsync("en-US");
        await page.GotoAsync("");
        await Keyboard.TabToAsync(page, "sign-in-agent");
        Assert.Equal(Ring(ConsolePalette.FocusRing), await FocusStyleAsync(page));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/agent");

        // On the app bar the ring is white, or it would vanish on the dark blue.
        await Keyboard.TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Menu" }));
        Assert.Equal(Ring(ConsolePalette.FocusRingOnAppBar), await FocusStyleAsync(page));

        await Keyboard.TabToAsync(page, "phone");
        await page.Keyboard.TypeAsync(NorthCaller);
        await page.Keyboard.PressAsync("Enter");
        await Keyboard.TabToAsync(page, page.GetByTestId("customer-360").GetByRole(AriaRole.Link).First);
        Assert.Equal(Ring(ConsolePalette.FocusRing), await FocusStyleAsync(page));

        // A mouse click shows no ring (:focus-visible), as users of a mouse expect.
        await page.GetByTestId("screen-pop").ClickAsync();
        Assert.Equal("none", (await FocusStyleAsync(page)).Split(' ')[0]);
    }

    [Fact]
    public async Task TheNameCheckFindsEveryKindOfControlWithoutAName()
    {
        // The check itself, on a page of known faults: an icon-only button, an unlabelled input and an empty link fail it,
        // a button named by aria-label passes.
        var page = await browser.NewPageAsync("en-US");
        await page.SetContentAsync("<main><button><svg width='8' height='8'></svg></button><input type='text'><a href='#top'></a>"
            + "<button aria-label='Named'><svg width='8' height='8'></svg></button></main>");
        var unnamed = await AccessibleNames.UnnamedControlsAsync(page);
        Assert.Equal(3, unnamed.Count);
        Assert.Contains(unnamed, line => line.StartsWith("- button", StringComparison.Ordinal));
        Assert.Contains(unnamed, line => line.StartsWith("- textbox", StringComparison.Ordinal));
        Assert.Contains(unnamed, line => line.StartsWith("- link", StringComparison.Ordinal));
    }

    /// <summary>The focused element's outline as "style width color", e.g. "solid 3px rgb(26, 35, 126)".</summary>
    private static Task<string> FocusStyleAsync(IPage page) => page.EvaluateAsync<string>(
        "() => { const s = getComputedStyle(document.activeElement); return `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`; }");

    /// <summary>The outline console.css draws around a focused button or link, in the colour given.</summary>
    private static string Ring(string hex)
    {
        var rgb = Convert.FromHexString(hex.AsSpan(1));
        return $"solid 3px rgb({rgb[0]}, {rgb[1]}, {rgb[2]})";
    }

    /// <summary>Opens the MudBlazor select with the test id from the keyboard (its input has the focus) and picks the
    /// option with the text: Enter opens the list, the arrow keys move the highlight (MudBlazor's selected-item class), Enter
    /// picks.</summary>
    private static async Task PickAsync(IPage page, string testId, string option)
    {
        Assert.True(await Keyboard.HasFocusAsync(page.GetByTestId(testId)), $"{testId} has no focus");
        await page.Keyboard.PressAsync("Enter");
        var list = page.GetByRole(AriaRole.Listbox);
        await Expect(list).ToBeVisibleAsync();
        for (var presses = 0; presses < 12; presses++)
        {
            if (await page.EvaluateAsync<string?>("() => document.querySelector('.mud-popover-open .mud-selected-item')?.textContent?.trim()") == option)
            {
                break;
            }
            await page.Keyboard.PressAsync("ArrowDown");
        }
        await page.Keyboard.PressAsync("Enter");
        await Expect(list).ToHaveCountAsync(0);
        await Expect(page.GetByTestId(testId)).ToContainTextAsync(option);
    }

    /// <summary>The number of the one demo case the case-list query finds.</summary>
    private async Task<string> DemoCaseAsync(string query)
    {
        using var api = await browser.Api.ClientAsync("admin", "browser-tests");
        var cases = await api.GetFromJsonAsync<JsonElement>($"/api/cases?{query}");
        return cases.GetProperty("items").EnumerateArray().Single().GetProperty("number").GetString()!;
    }

    /// <summary>The token of a survey the demo issued (its resolved case's), answered or not.</summary>
    private async Task<string> SurveyTokenAsync()
    {
        using var api = await browser.Api.ClientAsync("admin", "browser-tests");
        var cases = await api.GetFromJsonAsync<JsonElement>("/api/cases?status=resolved&customer=C-9001");
        var number = cases.GetProperty("items")[0].GetProperty("number").GetString();
        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/cases/{number}");
        return detail.GetProperty("surveys")[0].GetProperty("token").GetString()!;
    }

    [GeneratedRegex(@"/cases/AS-\d{4}-\d+$")]
    private static partial Regex CasePath();
}
