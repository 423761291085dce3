using FactoryPath.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace FactoryPath.Browser.Tests.Smoke;

/// <summary>
/// The Content-Security-Policy is in force in a real browser: a script injected into a page's document does not run,
/// and the browser reports it on the console, which is what <see cref="BrowserTest"/> watches in every other test.
/// </summary>
[Collection(BrowserCollection.Name)]
public class ContentSecurityPolicyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_injected_inline_script_and_handler_do_not_run_and_are_reported()
    {
        // a context of its own, not watched by BrowserTest: here the violation is what the test expects
        var context = await fixture.NewContextAsync("en");
        try
        {
            var page = await context.NewPageAsync();
            var reported = new List<string>();
            page.Console += (_, message) =>
            {
                if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                    lock (reported) reported.Add(message.Text);
            };
            var response = await page.GotoAsync("/account/login");
            Assert.Contains("script-src 'self'", (await response!.AllHeadersAsync())["content-security-policy"]);

            await page.EvaluateAsync("""
                () => {
                  const s = document.createElement('script');
                  s.textContent = 'window.__injected = 1';
                  document.body.appendChild(s);
                  const img = document.createElement('img');
                  img.setAttribute('onerror', 'window.__handler = 1');
                  img.src = '/no-such-image.png';
                  document.body.appendChild(img);
                }
                """);
            await Assertions.Expect(page.Locator("img[onerror]")).ToHaveCountAsync(1);
            await page.WaitForFunctionAsync("() => document.querySelector('img[onerror]').complete");
            Assert.Null(await page.EvaluateAsync<int?>("() => window.__injected ?? null"));
            Assert.Null(await page.EvaluateAsync<int?>("() => window.__handler ?? null"));
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (DateTime.UtcNow < deadline)
            {
                lock (reported) if (reported.Count > 0) break;
                await Task.Delay(100);
            }
            lock (reported) Assert.NotEmpty(reported);
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
