using FactoryPath.Web.Accounts;
using FactoryPath.Web.Catalog;

namespace FactoryPath.Web.Tests.Catalog.Import;

public sealed class ImportPageTests : IDisposable
{
    private readonly PlatformFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task The_operator_uploads_a_file_reads_the_report_and_imports_only_the_valid_rows()
    {
        var email = await Users.CreateAsync(_factory, PlatformRoles.PlatformAdmin);
        var page = await PageClient.SignedInAsync(_factory, email, ApiClient.Password, "zh-CN");
        var file = PoolData.Utf8(PoolData.ProviderHeader, PoolData.ProviderRow(Codes.NewCreditCode()), PoolData.ProviderRow("BAD-CODE"), PoolData.ProviderRow(Codes.NewCreditCode()));

        var uploaded = await page.PostFileFormAsync("/pool/import", "[data-testid=upload-form]", new() { ["kind"] = "providers" }, "file", "服务商.csv", file);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var reportPath = uploaded.Headers.Location!.OriginalString;
        Assert.Contains("token=", reportPath);

        var report = await page.GetDocumentAsync(reportPath);
        Assert.Contains("服务商.csv", report.QuerySelector("[data-testid=import-report] h2")!.TextContent);
        var errorRow = Assert.Single(report.QuerySelectorAll("[data-testid=import-errors] tbody tr"));
        Assert.Equal("3", errorRow.Children[0].TextContent);
        Assert.Equal("统一社会信用代码", errorRow.Children[1].TextContent);
        Assert.Equal("BAD-CODE", errorRow.Children[2].TextContent);
        Assert.Equal(0, await PoolData.CountAsync<Provider>(_factory));
        var button = report.QuerySelector("[data-testid=commit-form] button")!;
        Assert.Equal("只导入 2 行有效数据", button.TextContent);

        var committed = await page.PostFormAsync(reportPath, "[data-testid=commit-form]", new());
        Assert.Equal(HttpStatusCode.Redirect, committed.StatusCode);
        var done = await page.GetDocumentAsync(committed.Headers.Location!.OriginalString);
        Assert.Contains("新增 2", done.QuerySelector("[data-testid=import-done]")!.TextContent);
        Assert.Equal(2, await PoolData.CountAsync<Provider>(_factory));

        // the kept file is gone once imported
        var expired = await page.GetDocumentAsync(reportPath);
        Assert.NotNull(expired.QuerySelector("[data-testid=import-error]"));
    }

    [Fact]
    public async Task The_page_speaks_english_offers_import_all_for_a_clean_file_and_links_downloads()
    {
        var email = await Users.CreateAsync(_factory, PlatformRoles.PlatformAdmin);
        var page = await PageClient.SignedInAsync(_factory, email, ApiClient.Password, "en");

        var empty = await page.GetDocumentAsync("/pool/import");
        Assert.Equal("Import and export the resource pool", empty.QuerySelector("h1")!.TextContent);
        var templateLink = empty.QuerySelectorAll("[data-testid=downloads] a").First(a => a.GetAttribute("href")!.Contains("/solutions/template"));
        var template = await page.Http.GetAsync(templateLink.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);

        var uploaded = await page.PostFileFormAsync("/pool/import", "[data-testid=upload-form]", new() { ["kind"] = "providers" }, "file", "p.csv",
            PoolData.Utf8(PoolData.ProviderHeader, PoolData.ProviderRow(Codes.NewCreditCode())));
        var report = await page.GetDocumentAsync(uploaded.Headers.Location!.OriginalString);
        Assert.Equal("Import all", report.QuerySelector("[data-testid=commit-form] button")!.TextContent);
        Assert.Null(report.QuerySelector("[data-testid=import-errors]"));
    }

    [Fact]
    public async Task A_wrong_file_type_is_refused_on_the_page()
    {
        var email = await Users.CreateAsync(_factory, PlatformRoles.PlatformAdmin);
        var page = await PageClient.SignedInAsync(_factory, email, ApiClient.Password);

        var uploaded = await page.PostFileFormAsync("/pool/import", "[data-testid=upload-form]", new() { ["kind"] = "providers" }, "file", "p.xls", [1, 2, 3]);
        var shown = await page.GetDocumentAsync(uploaded.Headers.Location!.OriginalString);

        Assert.Contains(".csv", shown.QuerySelector("[data-testid=import-error]")!.TextContent);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_enterprise_users_are_denied()
    {
        var anonymous = PageClient.Anonymous(_factory);
        var response = await anonymous.Http.GetAsync("/pool/import");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.Http.GetAsync("/pool/files/providers/export")).StatusCode);

        var email = await Users.CreateAsync(_factory, PlatformRoles.EnterpriseUser);
        var user = await PageClient.SignedInAsync(_factory, email, ApiClient.Password);
        var denied = await user.Http.GetAsync("/pool/import");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/account/denied", denied.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_token_of_another_user_shows_nothing_of_the_file()
    {
        var first = await PageClient.SignedInAsync(_factory, await Users.CreateAsync(_factory, PlatformRoles.PlatformAdmin), ApiClient.Password);
        var uploaded = await first.PostFileFormAsync("/pool/import", "[data-testid=upload-form]", new() { ["kind"] = "providers" }, "file", "secret.csv",
            PoolData.Utf8(PoolData.ProviderHeader, PoolData.ProviderRow(Codes.NewCreditCode(), name: "机密服务商")));

        var second = await PageClient.SignedInAsync(_factory, await Users.CreateAsync(_factory, PlatformRoles.PlatformAdmin), ApiClient.Password);
        var html = await (await second.Http.GetAsync(uploaded.Headers.Location!.OriginalString)).Content.ReadAsStringAsync();

        Assert.DoesNotContain("secret.csv", html);
        Assert.Contains("data-testid=\"import-error\"", html);
    }
}
