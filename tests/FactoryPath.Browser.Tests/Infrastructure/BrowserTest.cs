using Microsoft.Playwright;

namespace FactoryPath.Browser.Tests.Infrastructure;

/// <summary>
/// Base class for browser tests: <c>[Collection(BrowserCollection.Name)] public class FooTests(BrowserFixture fixture) : BrowserTest(fixture)</c>.
/// Pages opened with <see cref="NewPageAsync"/> are closed when the test ends.
/// </summary>
public abstract class BrowserTest(BrowserFixture fixture) : IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];
    private readonly List<string> _policyViolations = [];

    protected BrowserFixture Fixture { get; } = fixture;

    /// <summary>The running platform's address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    protected Uri BaseAddress => Fixture.BaseAddress;

    /// <summary>A page in a fresh browser context with this locale; relative URLs go to the platform.</summary>
    protected async Task<IPage> NewPageAsync(string locale = "zh-CN")
    {
        var context = await Fixture.NewContextAsync(locale);
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        // whatever the Content-Security-Policy blocks is reported on the console: any of it fails the test
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                lock (_policyViolations) _policyViolations.Add($"{page.Url}: {message.Text}");
        };
        return page;
    }

    /// <summary>Saves a full-page screenshot as <c>screenshots/&lt;TestClass&gt;.&lt;name&gt;.png</c> in the artifacts folder; returns its path.</summary>
    protected Task<string> ScreenshotAsync(IPage page, string name) =>
        BrowserFixture.ScreenshotAsync(page, $"{GetType().Name}.{name}");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
        lock (_policyViolations)
            Assert.True(_policyViolations.Count == 0, "The Content-Security-Policy blocked:\n" + string.Join("\n", _policyViolations));
    }
}
