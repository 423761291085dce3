using System.Text.Json;
using FactoryPath.Browser.Tests.Infrastructure;

namespace FactoryPath.Browser.Tests.Smoke;

[Collection(BrowserCollection.Name)]
public class HealthPageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Health_OpenedInChromium_ShowsStatusOk()
    {
        var page = await NewPageAsync();

        var response = await page.GotoAsync("/health");

        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        Assert.StartsWith(BaseAddress.ToString(), page.Url, StringComparison.Ordinal);
        // Chromium shows a JSON response as text in a <pre>; read what it rendered, not the raw response.
        var shown = await page.Locator("pre").First.InnerTextAsync();
        using var json = JsonDocument.Parse(shown);
        Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
    }
}
