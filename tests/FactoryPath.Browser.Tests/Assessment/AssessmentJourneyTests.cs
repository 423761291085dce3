using FactoryPath.Browser.Tests.Infrastructure;
using FactoryPath.Core.Enterprises;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FactoryPath.Browser.Tests.Assessment;

/// <summary>A newcomer's whole journey in a real Chromium: sign up, describe the enterprise, answer model 1, see the result.</summary>
[Collection(BrowserCollection.Name)]
public class AssessmentJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static string NewCreditCode()
    {
        var first17 = $"91330200MA{Random.Shared.Next(0, 9_999_999):0000000}";
        return first17 + CreditCode.ComputeCheckCharacter(first17);
    }

    [Fact]
    public async Task A_new_user_registers_answers_model_1_submits_and_reads_the_result_in_both_languages()
    {
        var page = await NewPageAsync("zh-CN");
        var email = $"journey-{Guid.NewGuid():N}@test.factorypath.cn";

        await page.GotoAsync("/account/register");
        await page.FillAsync("#displayName", "李厂长");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", "Journey2026pass");
        await page.FillAsync("#confirm", "Journey2026pass");
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync("**/enterprise**");

        // a wrong check character is refused with a message beside the field
        var good = NewCreditCode();
        await page.FillAsync("#name", "浏览器测试精密制造有限公司");
        await page.FillAsync("#creditCode", good[..17] + (good[17] == '0' ? '1' : '0'));
        await page.SelectOptionAsync("#industryCode", "35");
        await page.SelectOptionAsync("#prefectureCode", "330200");
        await page.FillAsync("#employees", "180");
        await page.FillAsync("#revenue", "6500");
        await page.ClickAsync("main button[type=submit]");
        await Expect(page.Locator(".field-error[data-field=creditCode]")).ToBeVisibleAsync();

        await page.FillAsync("#creditCode", good);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync("**/assessments**");

        await page.ClickAsync("[data-model=miit-sme-digital-level] button[type=submit]");
        await page.WaitForURLAsync("**/sheets/**");
        await Expect(page.Locator("[data-testid=submit]")).ToBeVisibleAsync();

        var questions = page.Locator("[data-question]");
        var count = await questions.CountAsync();
        Assert.Equal(31, count); // 15 scored questions + 16 business scenes
        for (var i = 0; i < count; i++)
        {
            var q = questions.Nth(i);
            var id = await q.GetAttributeAsync("data-question");
            switch (await q.GetAttributeAsync("data-kind"))
            {
                case "multi":
                    await q.Locator("input[type=checkbox]").Nth(1).CheckAsync();
                    break;
                case "band":
                    var inputs = q.Locator("input[type=text]");
                    if (id == "equipment-digitization")
                    {
                        await inputs.Nth(0).FillAsync("40");
                        await inputs.Nth(0).PressAsync("Tab");
                        await inputs.Nth(1).FillAsync("12");
                        await inputs.Nth(1).PressAsync("Tab");
                    }
                    else if (id == "equipment-networking")
                    {
                        await inputs.Nth(0).FillAsync("10");
                        await inputs.Nth(0).PressAsync("Tab");
                    }
                    else
                    {
                        await q.Locator("input[type=radio]").Nth(1).CheckAsync();
                    }
                    break;
                case "scene":
                    await q.Locator("input[type=radio]").Nth(2).CheckAsync(); // level 2
                    break;
                default:
                    await q.Locator("input[type=radio]").Last.CheckAsync();
                    break;
            }
        }

        // the networking rate is computed from the counts: 10 of 40 = 25 % → band (20%,40%]
        await Expect(page.Locator("[data-testid=rate-equipment-networking]")).ToContainTextAsync("25");
        await Expect(page.Locator("[data-testid=progress]")).ToContainTextAsync($"{count} / {count}");
        await Expect(page.Locator("[data-testid=save-state]")).ToContainTextAsync("已保存");
        await ScreenshotAsync(page, "questionnaire");

        await page.ClickAsync("[data-testid=submit]");
        await page.WaitForURLAsync("**/results/**");
        await Expect(page.Locator("[data-testid=level]")).Not.ToBeEmptyAsync();
        await Expect(page.Locator("[data-testid=radar-chart] svg")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=scenes-chart] svg")).ToBeVisibleAsync();
        Assert.Equal("评测结果", (await page.Locator("h1").First.InnerTextAsync()).Trim());
        await Expect(page.Locator("[data-testid=roadmap] [data-step]").First).ToBeVisibleAsync();
        await ScreenshotAsync(page, "result-zh");

        await page.ClickAsync("a[data-lang=en]");
        await Expect(page.Locator("h1").First).ToHaveTextAsync("Assessment result");
        await Expect(page.Locator("[data-testid=radar-chart] svg")).ToBeVisibleAsync();
        Assert.DoesNotContain("评测结果", await page.Locator("main").InnerTextAsync());
        await ScreenshotAsync(page, "result-en");

        await page.ClickAsync("a[href$='/report']");
        await Expect(page.Locator("[data-testid=report] h1").First).ToContainTextAsync("Digital level assessment report");
        await ScreenshotAsync(page, "report");
    }

    [Fact]
    public async Task A_closed_tab_loses_no_answer()
    {
        var page = await NewPageAsync("en");
        var email = $"autosave-{Guid.NewGuid():N}@test.factorypath.cn";
        await page.GotoAsync("/account/register");
        await page.FillAsync("#displayName", "Autosave");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", "Autosave2026pass");
        await page.FillAsync("#confirm", "Autosave2026pass");
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync("**/enterprise**");
        await page.FillAsync("#name", "Autosave Ltd");
        await page.FillAsync("#creditCode", NewCreditCode());
        await page.SelectOptionAsync("#industryCode", "34");
        await page.SelectOptionAsync("#prefectureCode", "330200");
        await page.FillAsync("#employees", "25");
        await page.FillAsync("#revenue", "800");
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync("**/assessments**");
        await page.ClickAsync("[data-model=miit-sme-digital-level] button[type=submit]");
        await page.WaitForURLAsync("**/sheets/**");
        var sheetUrl = page.Url;

        await page.Locator("[data-question=equipment-digitization] input[type=text]").Nth(0).FillAsync("50");
        await page.Locator("[data-question=equipment-digitization] input[type=text]").Nth(0).PressAsync("Tab");
        await page.Locator("[data-question=information-systems] input[type=radio]").Nth(2).CheckAsync();
        await Expect(page.Locator("[data-testid=save-state]")).ToContainTextAsync("Saved");
        var context = page.Context;
        await page.CloseAsync();

        var again = await context.NewPageAsync();
        await again.GotoAsync(sheetUrl);
        await Expect(again.Locator("[data-question=equipment-digitization] input[type=text]").Nth(0)).ToHaveValueAsync("50");
        await Expect(again.Locator("[data-question=information-systems] input[type=radio]").Nth(2)).ToBeCheckedAsync();
        await Expect(again.Locator("[data-testid=progress]")).ToContainTextAsync("1 of");
    }

    /// <summary>Signs up a new account and registers its enterprise through the pages; ends on the assessments page.</summary>

    [Fact]
    public async Task Model_2_with_a_sub_domain_marked_not_applicable_reaches_the_top_level_when_everything_else_is_fully_met()
    {
        var page = await NewPageAsync("zh-CN");
        await Journeys.SignUpWithEnterpriseAsync(page, "成熟度自评测试有限公司", industry: "36", employees: 25, revenueTenThousands: 800);
        await page.ClickAsync("[data-model=cmmm-selfcheck] button[type=submit]");
        await page.WaitForURLAsync("**/sheets/**");
        await Expect(page.Locator("[data-testid=submit]")).ToBeVisibleAsync();
        Assert.Equal(100, await page.Locator("[data-question]").CountAsync());

        await page.CheckAsync("[data-testid=na-product-service]");
        await Expect(page.Locator("[data-question^=product-service-]")).ToHaveCountAsync(0);
        var questions = page.Locator("[data-question]");
        var count = await questions.CountAsync();
        Assert.Equal(95, count);
        for (var i = 0; i < count; i++)
        {
            await questions.Nth(i).Locator("input[type=radio]").First.CheckAsync(); // 全部满足 / fully met
        }
        await Expect(page.Locator("[data-testid=progress]")).ToContainTextAsync("95 / 95");
        await ScreenshotAsync(page, "cmmm-questionnaire");

        await page.ClickAsync("[data-testid=submit]");
        await page.WaitForURLAsync("**/results/**");
        await Expect(page.Locator("[data-testid=level]")).ToContainTextAsync("引领级");
    }

    [Fact]
    public async Task The_demo_owner_sees_where_it_stands_among_its_peers()
    {
        var page = await NewPageAsync("en");
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", FactoryPath.Web.Demo.DemoAccounts.Enterprise.Email);
        await page.FillAsync("#password", new FactoryPath.Web.Platform.PlatformOptions().DemoPassword);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        await page.GotoAsync("/assessments");
        await page.Locator("a[href^='/results/']").First.ClickAsync();
        await Expect(page.Locator("[data-testid=peers] .value")).ToContainTextAsync("%");
        await Expect(page.Locator("[data-testid=peers]")).ToContainTextAsync("14 peers");
        // the demo owner was assessed twice: the latest result shows the change since the first
        await Expect(page.Locator("[data-testid=trend]")).ToContainTextAsync("since the last time");
    }
}
