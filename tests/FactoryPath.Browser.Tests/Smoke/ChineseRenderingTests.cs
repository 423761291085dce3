using FactoryPath.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace FactoryPath.Browser.Tests.Smoke;

[Collection(BrowserCollection.Name)]
public class ChineseRenderingTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Text = "数字化转型";

    [Fact]
    public async Task ChineseText_Rendered_UsesACjkFontAndIsScreenshotted()
    {
        var page = await NewPageAsync("zh-CN");
        await page.SetContentAsync($"""
            <!doctype html>
            <html lang="zh-CN"><meta charset="utf-8">
            <body style="margin:24px;font-family:sans-serif">
              <p id="zh" style="font-size:32px;display:inline-block">{Text}</p>
            </body></html>
            """);

        Assert.Equal(Text, await page.Locator("#zh").InnerTextAsync());
        Assert.Equal("zh-CN", await page.EvaluateAsync<string>("navigator.language"));

        // Chromium asks the font machinery which families it really used to draw the text.
        var fonts = await UsedFontFamiliesAsync(page, "#zh");
        Assert.Contains(fonts, f => f.Contains("CJK", StringComparison.OrdinalIgnoreCase));

        var path = await ScreenshotAsync(page, "chinese-text");
        Assert.True(new FileInfo(path).Length > 0, $"empty screenshot at {path}");
    }

    private static async Task<IReadOnlyList<string>> UsedFontFamiliesAsync(IPage page, string selector)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("DOM.enable");
        await cdp.SendAsync("CSS.enable");
        var document = await cdp.SendAsync("DOM.getDocument");
        var root = document!.Value.GetProperty("root").GetProperty("nodeId").GetInt32();
        var node = await cdp.SendAsync("DOM.querySelector", new Dictionary<string, object> { ["nodeId"] = root, ["selector"] = selector });
        var nodeId = node!.Value.GetProperty("nodeId").GetInt32();
        var usage = await cdp.SendAsync("CSS.getPlatformFontsForNode", new Dictionary<string, object> { ["nodeId"] = nodeId });
        return usage!.Value.GetProperty("fonts").EnumerateArray()
            .Select(f => f.GetProperty("familyName").GetString() ?? string.Empty)
            .ToList();
    }
}
