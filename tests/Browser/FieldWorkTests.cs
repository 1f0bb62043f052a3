using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AfterSales.Tests.Browser.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AfterSales.Tests.Browser;

/// <summary>The technicians' screens on a phone-sized screen: the installer's checklist and commissioning report, the
/// maintenance technician's visit with parts, a case started and resolved with the keyboard only, and dates in the
/// user's time zone and language.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FieldWorkTests(BrowserFixture browser)
{
    private const int PhoneWidth = 390;
    private const int PhoneHeight = 844;

    [Fact]
    public async Task TheInstallerFillsTheChecklistAndSubmitsTheCommissioningOnAPhone()
    {
        var page = await browser.SignInAsync("en-US", "installer", "**/technician", PhoneWidth, PhoneHeight);
        var card = page.GetByTestId("my-queue").Locator(".mud-card", new() { HasText = "Install the second heat pump" });
        await card.Locator("[data-testid$='-checklist']").ClickAsync();
        await page.WaitForURLAsync("**/technician/installation/*");
        var progress = page.GetByTestId("checklist-progress");
        await Expect(progress).ToHaveTextAsync("0 of 4 answered · 0 of 3 required");
        await Expect(page.GetByTestId("submit-commissioning")).ToBeDisabledAsync();

        // A value outside the range is refused with the API's field error (most such values are typos).
        await page.GetByTestId("item-supply-voltage-value").FillAsync("2295");
        await page.GetByTestId("item-supply-voltage-save").ClickAsync();
        await Expect(page.GetByTestId("installation-error")).ToContainTextAsync("value");
        await Expect(page.GetByTestId("item-supply-voltage-answer")).ToHaveTextAsync("Not answered yet");

        await page.GetByTestId("item-supply-voltage-value").FillAsync("229.5");
        await page.GetByTestId("item-supply-voltage-save").ClickAsync();
        await Expect(page.GetByTestId("item-supply-voltage-answer")).ToContainTextAsync("Passed · 229.5 V");
        await Expect(page.GetByTestId("installation-error")).ToHaveCountAsync(0);
        await page.GetByTestId("item-flow-temperature-value").FillAsync("45");
        await page.GetByTestId("item-flow-temperature-save").ClickAsync();
        await Expect(page.GetByTestId("item-flow-temperature-answer")).ToContainTextAsync("Passed · 45 °C");
        await page.GetByTestId("item-leak-test-pass").ClickAsync();
        await Expect(page.GetByTestId("item-leak-test-answer")).ToContainTextAsync("Passed");
        await Expect(progress).ToHaveTextAsync("3 of 4 answered · 3 of 3 required");
        Assert.False(await BrowserFixture.OverflowsAsync(page), "The checklist scrolls sideways on a 390 px wide screen");
        await browser.ScreenshotAsync(page, "installation-phone-en");

        await page.GetByTestId("sign-off-name").FillAsync("Emily Carter");
        await page.GetByTestId("submit-commissioning").ClickAsync();
        await Expect(page.GetByTestId("commissioning-outcome")).ToHaveTextAsync("Commissioning passed: the device is in service");

        var report = await page.RunAndWaitForPopupAsync(() => page.GetByTestId("commissioning-report").ClickAsync());
        await Expect(report.Locator("h1")).ToHaveTextAsync("Commissioning report");
        await Expect(report.Locator("body")).ToContainTextAsync("Emily Carter");
        await Expect(report.Locator("body")).ToContainTextAsync("229.5");
    }

    [Fact]
    public async Task TheMaintenanceTechnicianRecordsAVisitWithPartsOnAPhone()
    {
        var page = await browser.SignInAsync("en-US", "maintenance", "**/technician", PhoneWidth, PhoneHeight);
        var card = page.GetByTestId("my-queue").Locator(".mud-card", new() { HasText = "Boiler service before winter" });
        await card.Locator("[data-testid$='-visit']").ClickAsync();
        await page.WaitForURLAsync("**/technician/visit/*");
        var number = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        await Expect(page.GetByTestId("visits")).ToHaveTextAsync("No visit recorded yet");

        // The time on site is required: the API's field error shows and nothing is recorded.
        await page.GetByTestId("visit-work-done").FillAsync("Cleaned the burner, replaced the door gasket and the ignition electrode.");
        await page.GetByTestId("visit-save").ClickAsync();
        await Expect(page.GetByTestId("visit-error")).ToContainTextAsync("minutesOnSite");

        await page.GetByTestId("visit-minutes").FillAsync("75");
        await page.GetByTestId("visit-add-part").ClickAsync();
        await page.GetByTestId("part-0-number").FillAsync("GSK-200");
        await page.GetByTestId("part-0-quantity").FillAsync("2");
        await page.GetByTestId("visit-add-part").ClickAsync();
        await page.GetByTestId("part-1-number").FillAsync("IGN-12");
        Assert.False(await BrowserFixture.OverflowsAsync(page), "The visit form scrolls sideways on a 390 px wide screen");
        await browser.ScreenshotAsync(page, "visit-phone-en");
        await page.GetByTestId("visit-save").ClickAsync();

        await Expect(page.GetByTestId("visit-recorded")).ToHaveTextAsync("Visit 1 recorded");
        await Expect(page.GetByTestId("visit-error")).ToHaveCountAsync(0);
        var visits = page.GetByTestId("visits");
        await Expect(visits).ToContainTextAsync("75 min · Fixed");
        await Expect(visits).ToContainTextAsync("GSK-200 × 2, IGN-12 × 1");

        // What the screen shows is what the API recorded.
        using var api = await browser.Api.ClientAsync("admin", "browser-tests");
        var recorded = await api.GetFromJsonAsync<JsonElement>($"/api/cases/{number}/visits");
        var visit = Assert.Single(recorded.EnumerateArray());
        Assert.Equal(75, visit.GetProperty("minutesOnSite").GetInt32());
        Assert.Equal("fixed", visit.GetProperty("outcome").GetString());
        Assert.Equal(["GSK-200:2", "IGN-12:1"],
            visit.GetProperty("parts").EnumerateArray().Select(p => $"{p.GetProperty("partNumber").GetString()}:{p.GetProperty("quantity").GetInt32()}"));
    }

    [Fact]
    public async Task TheTechnicianSignsInStartsAndResolvesACaseWithTheKeyboardOnlyAndTheSurveySpeaksTheCustomersLanguage()
    {
        var number = await OpenWestHeatPumpFaultAsync("Heat pump hums at night");
        var page = await browser.NewPageAsync("en-US", PhoneWidth, PhoneHeight);
        await page.GotoAsync("");

        await Keyboard.TabToAsync(page, "sign-in-technician");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/technician");
        await Expect(page.GetByTestId("my-queue")).ToContainTextAsync(number);

        await Keyboard.TabToAsync(page, $"{number}-start");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId($"{number}-start")).ToHaveCountAsync(0);
        await Keyboard.TabToAsync(page, $"{number}-resolve");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByTestId("resolved")).ToContainTextAsync($"{number} is resolved.");
        await Expect(page.GetByTestId("my-queue")).Not.ToContainTextAsync(number);

        // The survey link the resolve produced, opened on a Chinese phone: the customer (Emily Carter) reads English.
        var link = await page.GetByTestId("survey-link").GetAttributeAsync("href");
        var customer = await browser.NewPageAsync("zh-CN", PhoneWidth, PhoneHeight);
        await customer.GotoAsync(link!);
        await Expect(customer.Locator("h1")).ToHaveTextAsync("How did we do?");
        await Expect(customer.GetByTestId("survey-about")).ToContainTextAsync(number);
        await Expect(customer.Locator("h2").First).ToHaveTextAsync("How satisfied are you with the service you received?");
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("zh-CN")]
    public async Task TheTechniciansQueueShowsTimesInTheUsersTimeZoneAndLanguage(string locale)
    {
        var page = await browser.SignInAsync(locale, "technician", "**/technician", PhoneWidth, PhoneHeight);
        var shown = page.GetByTestId("my-queue").Locator("[data-testid$='-created']").First;
        await Expect(shown).ToBeVisibleAsync();
        var number = (await shown.GetAttributeAsync("data-testid"))![..^"-created".Length];
        using var api = await browser.Api.ClientAsync("admin", "browser-tests");
        var created = (await api.GetFromJsonAsync<JsonElement>($"/api/cases/{number}")).GetProperty("createdAt").GetDateTimeOffset();

        // The browsers run in Asia/Shanghai (UTC+8, no daylight saving): the card shows the local wall clock, in the
        // culture's own order and words (en: 12/1/2026 10:04 PM; zh-CN: 2026/12/1 下午10:04).
        var local = created.ToOffset(TimeSpan.FromHours(8));
        var hour = local.Hour % 12 == 0 ? 12 : local.Hour % 12;
        var expected = locale == "zh-CN"
            ? $"{local.Year}/{local.Month}/{local.Day} {(local.Hour < 12 ? "上午" : "下午")}{hour}:{local.Minute:00}"
            : $"{local.Month}/{local.Day}/{local.Year} {hour}:{local.Minute:00}\u202F{(local.Hour < 12 ? "AM" : "PM")}";
        await Expect(shown).ToHaveTextAsync(new Regex("^" + Regex.Escape(expected).Replace("\u202F", "\\s", StringComparison.Ordinal) + "$"));
    }

    /// <summary>A heat-pump fault of a west customer: technical support in west, where only the demo technician has the
    /// skill (the other is at capacity), so it is theirs.</summary>
    private async Task<string> OpenWestHeatPumpFaultAsync(string subject)
    {
        using var api = await browser.Api.ClientAsync("admin", "browser-tests");
        using var response = await api.PostAsJsonAsync("/api/cases", new
        {
            customerId = "C-9003",
            type = "fault",
            priority = "normal",
            channel = "phone",
            deviceSerial = "SN-DEMO-0004",
            subject,
            description = "Opened by the browser tests.",
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;
    }
}
