using FactoryPath.Browser.Tests.Infrastructure;
using FactoryPath.Core.Enterprises;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Enterprises;
using FactoryPath.Web.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace FactoryPath.Browser.Tests.Region;

/// <summary>
/// A Hubei province administrator (a province where neither the demo nor another browser test registers enterprises) opens the regional
/// console, sees Wuhan's two enterprises and — as their complement — Huangshi's six hidden as "&lt;5", drills into Huangshi and
/// sees its county with six enterprises, and goes back up; and drills down to that county downloading the district table
/// (.xlsx at the province, CSV at the county), whose cells are those on the screen.
/// </summary>
[Collection(BrowserCollection.Name)]
public class RegionDrillDownTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Theory]
    [InlineData("zh-CN", "区域统计", "湖北省")]
    [InlineData("en", "Regional statistics", "Hubei")]
    public async Task A_province_admin_drills_from_province_to_city(string locale, string title, string province)
    {
        var email = await SeedAsync(locale);
        var page = await NewPageAsync(locale);
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", Journeys.Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));

        await page.ClickAsync($"nav a[href='/region']");
        await Expect(page.Locator("[data-testid=region-name]")).ToContainTextAsync(title);
        await Expect(page.Locator("[data-testid=region-name]")).ToContainTextAsync(province);
        await Expect(page.Locator("[data-testid=total-registered]")).ToHaveTextAsync(Total);
        var wuhan = page.Locator("[data-testid=district-table] tr").Filter(new() { Has = page.Locator("[data-testid=drill-420100]") });
        var huangshi = page.Locator("[data-testid=district-table] tr").Filter(new() { Has = page.Locator("[data-testid=drill-420200]") });
        await Expect(wuhan.Locator("td").Nth(1)).ToHaveTextAsync("<5");
        await Expect(huangshi.Locator("td").Nth(1)).ToHaveTextAsync("<5");
        await ScreenshotAsync(page, $"province-{locale}");

        await page.ClickAsync("[data-testid=drill-420200]");
        await page.WaitForURLAsync("**/region/420200");
        await Expect(page.Locator("[data-testid=region-name]")).ToContainTextAsync("黄石市");
        await Expect(page.Locator("[data-testid=total-registered]")).ToHaveTextAsync(CityTotal);
        var county = page.Locator("[data-testid=district-table] tbody tr");
        await Expect(county).ToHaveCountAsync(1);
        await Expect(county.Locator("td").Nth(0)).ToContainTextAsync("420202");
        await Expect(county.Locator("td").Nth(1)).ToHaveTextAsync(CityTotal);
        await ScreenshotAsync(page, $"city-{locale}");

        await page.ClickAsync("[data-testid=region-up]");
        await page.WaitForURLAsync("**/region/420000");
        await Expect(page.Locator("[data-testid=region-name]")).ToContainTextAsync(province);
    }

    [Theory]
    [InlineData("zh-CN", "按地区")]
    [InlineData("en", "By district")]
    public async Task A_province_admin_drills_to_a_county_and_downloads_tables_that_match_the_screen(string locale, string sheet)
    {
        var email = await SeedAsync(locale);
        var page = await NewPageAsync(locale);
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", Journeys.Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));

        // province: the district table as .xlsx, with its hidden cells
        await page.GotoAsync("/region");
        await Expect(page.Locator("[data-testid=total-registered]")).ToHaveTextAsync(Total);
        var provinceScreen = await ScreenTableAsync(page, "district");
        Assert.Contains(provinceScreen.Skip(1), row => row[1] == "<5");
        var xlsx = await DownloadAsync(page, "[data-testid=export-district-xlsx]", "region-420000-district-", ".xlsx");
        using (var stream = new MemoryStream(xlsx))
        {
            Assert.Equal(sheet, MiniExcelLibs.MiniExcel.GetSheetNames(stream).Single());
            stream.Position = 0;
            var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: false).Cast<IDictionary<string, object?>>()
                .Select(r => r.Values.Select(v => v is double d ? d.ToString(System.Globalization.CultureInfo.InvariantCulture) : v?.ToString() ?? "").ToList()).ToList();
            Assert.Equal(provinceScreen, rows);
        }

        // city, then county: the district table as CSV
        await page.ClickAsync("[data-testid=drill-420200]");
        await page.WaitForURLAsync("**/region/420200");
        await page.ClickAsync("[data-testid=drill-420202]");
        await page.WaitForURLAsync("**/region/420202");
        await Expect(page.Locator("[data-testid=total-registered]")).ToHaveTextAsync(CityTotal);
        await Expect(page.Locator("[data-testid^=drill-]")).ToHaveCountAsync(0);
        var countyScreen = await ScreenTableAsync(page, "district");
        Assert.Equal(2, countyScreen.Count);
        Assert.Equal(CityTotal, countyScreen[1][1]);
        var csv = FactoryPath.Core.Tabular.CsvReader.Read(await DownloadAsync(page, "[data-testid=export-district-csv]", "region-420202-district-", ".csv"));
        Assert.Null(csv.Error);
        Assert.Equal(countyScreen, new[] { csv.Table!.Header }.Concat(csv.Table.Rows.Select(r => r.Cells)).Select(r => r.ToList()).ToList());
        await ScreenshotAsync(page, $"county-{locale}");
    }

    [Fact]
    public async Task The_demo_province_admin_prints_the_report_with_its_charts_and_without_navigation()
    {
        var page = await NewPageAsync("zh-CN");
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", FactoryPath.Web.Demo.DemoAccounts.ProvinceAdmin.Email);
        await page.FillAsync("#password", new FactoryPath.Web.Platform.PlatformOptions().DemoPassword);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));

        await page.GotoAsync("/region");
        await page.ClickAsync("[data-testid=region-report-link]");
        await page.WaitForURLAsync("**/region/330000/report");
        await Expect(page.Locator("[data-testid=region-name]")).ToContainTextAsync("统计报告");
        var charts = page.Locator(".chart[data-chart]");
        Assert.True(await charts.CountAsync() > 0);
        foreach (var chart in await charts.AllAsync())
        {
            await Expect(chart).ToHaveAttributeAsync("data-rendered", "true");
            await Expect(chart.Locator("svg")).ToHaveCountAsync(1);
        }
        await Expect(page.Locator("[data-testid=print]")).ToBeVisibleAsync();

        await page.EmulateMediaAsync(new() { Media = Microsoft.Playwright.Media.Print });
        await Expect(page.Locator("header.topbar")).ToBeHiddenAsync();
        await Expect(page.Locator("[data-testid=print]")).ToBeHiddenAsync();
        await Expect(page.Locator("[data-table=district] table")).ToBeVisibleAsync();
        var pdf = await page.PdfAsync(new() { Format = "A4", PreferCSSPageSize = true, PrintBackground = true });
        Assert.Equal("%PDF"u8.ToArray(), pdf.Take(4));
        await ScreenshotAsync(page, "report-print");
    }

    /// <summary>Clicks a download link, waits for the file and returns its bytes after checking its suggested name.</summary>
    private static async Task<byte[]> DownloadAsync(Microsoft.Playwright.IPage page, string selector, string namePrefix, string extension)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(selector), new() { Timeout = 30_000 });
        Assert.StartsWith(namePrefix, download.SuggestedFilename);
        Assert.EndsWith(extension, download.SuggestedFilename);
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path);
        await download.DeleteAsync();
        return bytes;
    }

    /// <summary>A console table as the screen shows it: the header texts, then each row's cell texts.</summary>
    private static async Task<List<List<string>>> ScreenTableAsync(Microsoft.Playwright.IPage page, string key)
    {
        var table = page.Locator($"[data-testid={key}-table]");
        var rows = new List<List<string>> { (await table.Locator("thead th").AllInnerTextsAsync()).Select(t => t.Trim()).ToList() };
        foreach (var tr in await table.Locator("tbody tr").AllAsync())
            rows.Add((await tr.Locator("td").AllInnerTextsAsync()).Select(t => t.Trim()).ToList());
        return rows;
    }

    [Fact]
    public async Task The_demo_province_admin_sees_the_level_distribution_drawn()
    {
        var page = await NewPageAsync("zh-CN");
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", FactoryPath.Web.Demo.DemoAccounts.ProvinceAdmin.Email);
        await page.FillAsync("#password", new FactoryPath.Web.Platform.PlatformOptions().DemoPassword);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));

        await page.GotoAsync("/region");
        await Expect(page.Locator("[data-testid=region-name]")).ToContainTextAsync("浙江省");
        var chart = page.Locator("[data-testid=levels-chart-miit-sme-digital-level]");
        await Expect(chart).ToHaveAttributeAsync("data-rendered", "true");
        await Expect(chart.Locator("svg")).ToHaveCountAsync(1);
        await ScreenshotAsync(page, "demo-zhejiang");
    }

    private const string Total = "8";
    private const string CityTotal = "6";

    private static readonly SemaphoreSlim Once = new(1, 1);
    private static bool _seeded;

    /// <summary>Wuhan 420102: 2 enterprises; Huangshi 420202: 6 (once per server); and a Hubei admin for this locale.</summary>
    private async Task<string> SeedAsync(string locale)
    {
        using var scope = Fixture.Server.Services.CreateScope();
        await Once.WaitAsync();
        try
        {
            if (!_seeded)
            {
                var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
                foreach (var (region, count) in new[] { ("420102", 2), ("420202", 6) })
                {
                    for (var i = 0; i < count; i++)
                    {
                        db.Enterprises.Add(new Enterprise
                        {
                            Name = $"湖北测试企业{region}-{i}", CreditCode = Journeys.NewCreditCode(), IndustryCode = "34", RegionCode = region,
                            ProvinceCode = "420000", Employees = 50, AnnualRevenueCny = 10_000_000m, SizeClass = SizeClass.Small,
                        });
                    }
                }
                await db.SaveChangesAsync();
                _seeded = true;
            }
        }
        finally
        {
            Once.Release();
        }
        var email = $"hubei-{locale}-{Guid.NewGuid():N}@test.factorypath.cn";
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
        var user = new PlatformUser { UserName = email, Email = email, DisplayName = "湖北省管理员", RegionCode = "420000" };
        Assert.True((await users.CreateAsync(user, Journeys.Password)).Succeeded);
        await users.AddToRoleAsync(user, PlatformRoles.RegionalAdmin);
        return email;
    }
}
