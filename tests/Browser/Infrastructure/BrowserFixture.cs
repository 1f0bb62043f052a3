using Microsoft.Playwright;

namespace AfterSales.Tests.Browser.Infrastructure;

/// <summary>Debian's Chromium driven by Playwright (the Playwright browser download does not work here), and the API
/// process it browses. A missing Chromium fails the tests with the command that installs it: they are never skipped.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Where the browser is: <c>AFTERSALES_CHROMIUM</c>, else Debian's package.</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("AFTERSALES_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public ConsoleProcess Api { get; private set; } = null!;

    /// <summary>Screenshots of the main screens, kept as test artefacts.</summary>
    public string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is not installed at {ChromiumPath}: run 'apt-get install -y chromium' (or set AFTERSALES_CHROMIUM). The browser tests are not skipped.");
        }
        Directory.CreateDirectory(ScreenshotDirectory);
        // The first page of a context downloads and starts the WebAssembly runtime: seconds on a busy machine.
        Assertions.SetDefaultExpectTimeout(30_000);
        Api = await ConsoleProcess.StartAsync();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser profile in <paramref name="locale"/> (its languages pick the console's language).</summary>
    public async Task<IPage> NewPageAsync(string locale, int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Api.BaseAddress.ToString(),
            Locale = locale,
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>A fresh browser signed in as the demo person whose sign-in button is <c>sign-in-{key}</c>, on their start page.</summary>
    public async Task<IPage> SignInAsync(string locale, string key, string startPage, int width = 1280, int height = 900)
    {
        var page = await NewPageAsync(locale, width, height);
        await page.GotoAsync("");
        await page.GetByTestId($"sign-in-{key}").ClickAsync();
        await page.WaitForURLAsync(startPage);
        return page;
    }

    /// <summary>True when the page scrolls sideways (on a phone, something is too wide).</summary>
    public static Task<bool> OverflowsAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");

    /// <summary>Writes the page to the test artefacts; with <c>AFTERSALES_SCREENSHOTS_UPDATE=1</c> a screenshot the README
    /// shows is written to <c>docs/images/</c> too (review the images before committing them).</summary>
    public async Task ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(ScreenshotDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        if (Environment.GetEnvironmentVariable("AFTERSALES_SCREENSHOTS_UPDATE") == "1" && ReadmeImages.Names().Contains(name))
        {
            File.Copy(path, Path.Combine(ReadmeImages.Directory, name + ".png"), overwrite: true);
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        playwright?.Dispose();
        if (Api is not null)
        {
            await Api.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
