using Microsoft.Playwright;

namespace FactoryPath.Browser.Tests.Infrastructure;

/// <summary>
/// One platform server and one Chromium for the whole <see cref="BrowserCollection"/>. Tests usually derive from
/// <see cref="BrowserTest"/>, which gives each test its own browser contexts and closes them afterwards. To start the
/// platform with other configuration, derive from this class, override <see cref="CreateServerOptions"/> and give the
/// derived fixture a collection of its own.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    private PlatformServer? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public PlatformServer Server => _server ?? throw NotStarted();

    /// <summary>The platform's address with a trailing slash; pages resolve relative URLs against it.</summary>
    public Uri BaseAddress => Server.BaseAddress;

    public IBrowser Browser => _browser ?? throw NotStarted();

    public async Task InitializeAsync()
    {
        _server = await PlatformServer.StartAsync(CreateServerOptions());
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
    }

    /// <summary>
    /// A new browser context (own cookies and storage) with the given locale (Accept-Language and
    /// <c>navigator.language</c>), China Standard Time, and <see cref="BaseAddress"/> as base URL, so
    /// <c>page.GotoAsync("/health")</c> works. The caller closes it.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(string locale = "zh-CN")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = locale,
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        context.SetDefaultTimeout(15_000);
        return context;
    }

    /// <summary>Saves a full-page screenshot as <c>screenshots/&lt;name&gt;.png</c> under <see cref="Artifacts.Directory"/> and returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = Artifacts.ScreenshotPath(name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    protected virtual PlatformServerOptions CreateServerOptions() => new();

    private static InvalidOperationException NotStarted() => new("The browser fixture has not started yet.");
}
