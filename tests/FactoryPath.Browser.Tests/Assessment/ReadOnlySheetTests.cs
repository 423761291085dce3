using FactoryPath.Browser.Tests.Infrastructure;
using FactoryPath.Web.Demo;
using FactoryPath.Web.Platform;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FactoryPath.Browser.Tests.Assessment;

/// <summary>
/// Only the enterprise answers its questionnaire: the operator, who may open an enterprise's draft, reads it with every
/// control disabled and no submit button, and opening it changes nothing the enterprise has saved.
/// </summary>
[Collection(BrowserCollection.Name)]
public class ReadOnlySheetTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Theory]
    [InlineData("zh-CN", "只读")]
    [InlineData("en", "Read only")]
    public async Task The_operator_reads_an_enterprise_draft_without_edit_controls(string locale, string readOnly)
    {
        var owner = await NewPageAsync(locale);
        await Journeys.SignUpWithEnterpriseAsync(owner, $"只读问卷测试企业 {Guid.NewGuid():N}"[..20]);
        await owner.ClickAsync("[data-model=miit-sme-digital-level] button[type=submit]");
        await owner.WaitForURLAsync("**/sheets/**");
        var sheetUrl = owner.Url;
        var firstChoice = owner.Locator("[data-question] input[type=radio]").First;
        await firstChoice.CheckAsync();
        await Expect(owner.Locator("[data-testid=save-state]")).ToContainTextAsync(locale == "en" ? "Saved" : "已保存");
        await Expect(owner.Locator("[data-testid=read-only]")).ToHaveCountAsync(0);

        var op = await NewPageAsync(locale);
        await op.GotoAsync("/account/login");
        await op.FillAsync("#email", DemoAccounts.Operator.Email);
        await op.FillAsync("#password", new PlatformOptions().DemoPassword);
        await op.ClickAsync("main button[type=submit]");
        await op.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        await op.GotoAsync(sheetUrl);

        await Expect(op.Locator("[data-testid=read-only]")).ToContainTextAsync(readOnly, new() { Timeout = 30_000 });
        await Expect(op.Locator("[data-question] input").First).ToBeDisabledAsync();
        await Expect(op.Locator("[data-testid=answers] :is(input, textarea, select, button):enabled")).ToHaveCountAsync(0);
        await Expect(op.Locator("[data-testid=submit]")).ToHaveCountAsync(0);
        await Expect(op.Locator("[data-testid=save-state]")).ToHaveCountAsync(0);
        // the answer the owner saved shows, checked
        await Expect(op.Locator("[data-question] input[type=radio]").First).ToBeCheckedAsync();
        await ScreenshotAsync(op, $"read-only-sheet-{locale}");

        // the owner's page still edits, and its answer is still there after a reload
        await owner.ReloadAsync();
        await Expect(owner.Locator("[data-question] input[type=radio]").First).ToBeCheckedAsync(new() { Timeout = 30_000 });
        await Expect(owner.Locator("[data-testid=submit]")).ToBeEnabledAsync();
    }
}
