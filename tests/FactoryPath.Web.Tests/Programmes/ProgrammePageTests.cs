using FactoryPath.Web.Accounts;
using FactoryPath.Web.Demo;
using FactoryPath.Web.Platform;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static FactoryPath.Web.Tests.Programmes.Programmes;

namespace FactoryPath.Web.Tests.Programmes;

/// <summary>The programme pages as a browser posts them: create, apply, review, approve, reject; and the demo's voucher.</summary>
public sealed class ProgrammePageTests : IAsyncLifetime
{
    private readonly PlatformFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task An_admin_creates_a_programme_an_enterprise_applies_and_the_admin_approves_on_the_pages()
    {
        var adminEmail = await Users.CreateAsync(_factory, PlatformRoles.RegionalAdmin, "330200");
        var admin = await PageClient.SignedInAsync(_factory, adminEmail, ApiClient.Password, culture: "zh-CN");
        var empty = await admin.GetDocumentAsync("/programmes");
        Assert.NotNull(empty.QuerySelector("[data-testid=no-programmes]"));

        // a form with a wrong amount and broken rules keeps the values and says what is wrong
        var wrong = await admin.PostFormAsync("/programmes/new", "form[data-testid=programme-form]", new()
        {
            ["nameZh"] = "宁波页面测试券", ["nameEn"] = "Page test vouchers", ["descriptionZh"] = "说明", ["descriptionEn"] = "Text",
            ["regionCode"] = "330200", ["budget"] = "一百", ["max"] = "10", ["opensOn"] = Today.AddDays(-1).ToString("yyyy-MM-dd"),
            ["closesOn"] = Today.AddDays(10).ToString("yyyy-MM-dd"), ["rules"] = "[{\"kind\":\"size-class\"",
        });
        var wrongPage = await PageClient.ParseAsync(wrong);
        Assert.NotNull(wrongPage.QuerySelector("[data-field=budgetCny]"));
        Assert.NotNull(wrongPage.QuerySelector("[data-field=rules]"));
        Assert.Equal("宁波页面测试券", wrongPage.QuerySelector("#nameZh")!.GetAttribute("value"));

        var created = await admin.PostFormAsync("/programmes/new", "form[data-testid=programme-form]", new()
        {
            ["nameZh"] = "宁波页面测试券", ["nameEn"] = "Page test vouchers", ["descriptionZh"] = "说明", ["descriptionEn"] = "Text",
            ["regionCode"] = "330200", ["budget"] = "100", ["max"] = "10", ["opensOn"] = Today.AddDays(-1).ToString("yyyy-MM-dd"),
            ["closesOn"] = Today.AddDays(10).ToString("yyyy-MM-dd"), ["rules"] = "[{\"kind\":\"size-class\",\"anyOf\":[\"small\"]}]",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var programmePath = created.Headers.Location!.OriginalString.Split('?')[0];

        // the enterprise sees it, is eligible, applies
        var email = Codes.Email("page-ent");
        var api = await ApiClient.RegisterAsync(_factory, email);
        await api.CreateEnterpriseAsync("宁波页面申请企业", Codes.NewCreditCode());
        var enterprise = await PageClient.SignedInAsync(_factory, email, ApiClient.Password, culture: "zh-CN");
        var list = await enterprise.GetDocumentAsync("/programmes");
        Assert.Contains("宁波页面测试券", list.QuerySelector("[data-testid=programme-table]")!.TextContent);
        var detail = await enterprise.GetDocumentAsync(programmePath);
        Assert.Equal("符合全部资格条件。", detail.QuerySelector("[data-testid=eligibility]")!.TextContent.Trim());
        var tooMuch = await PageClient.ParseAsync(await enterprise.PostFormAsync(programmePath, "form[data-testid=apply-form]", new() { ["requested"] = "11", ["purpose"] = "联网" }));
        Assert.NotNull(tooMuch.QuerySelector("[data-field=requestedCny]"));
        var applied = await PageClient.ParseAsync(await enterprise.PostFormAsync(programmePath, "form[data-testid=apply-form]", new() { ["requested"] = "8", ["purpose"] = "设备联网" }));
        Assert.Equal("待审核", applied.QuerySelector("[data-testid=my-status]")!.TextContent.Trim());
        Assert.Null(applied.QuerySelector("form[data-testid=apply-form]"));

        // the admin sees the application, rejecting without a comment is refused, approving 6 of the 8 requested works
        var programme = await admin.GetDocumentAsync(programmePath);
        Assert.Equal("100 万元", programme.QuerySelector("[data-testid=remaining]")!.TextContent.Trim());
        var reviewPath = programme.QuerySelector("[data-testid=review-link]")!.GetAttribute("href")!;
        var review = await admin.GetDocumentAsync(reviewPath);
        Assert.Contains("宁波页面申请企业", review.QuerySelector("[data-testid=enterprise-summary]")!.TextContent);
        var noComment = await PageClient.ParseAsync(await admin.PostFormAsync(reviewPath, "form[data-testid=reject-form]", new() { ["comment"] = "" }));
        Assert.NotNull(noComment.QuerySelector("[data-field=comment]"));
        var approved = await PageClient.ParseAsync(await admin.PostFormAsync(reviewPath, "form[data-testid=approve-form]", new() { ["granted"] = "6" }));
        Assert.Equal("已批准", approved.QuerySelector("[data-testid=application-status]")!.TextContent.Trim());
        Assert.Equal("94 万元", approved.QuerySelector("[data-testid=remaining]")!.TextContent.Trim());
        Assert.Null(approved.QuerySelector("form[data-testid=approve-form]"));

        // filtering the list by status, and the enterprise reads the outcome
        var pending = await admin.GetDocumentAsync(programmePath + "?status=pending");
        Assert.NotNull(pending.QuerySelector("[data-testid=no-applications]"));
        var mine = await enterprise.GetDocumentAsync(programmePath);
        Assert.Equal("已批准", mine.QuerySelector("[data-testid=my-status]")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_demo_holds_an_open_ningbo_voucher_programme_with_a_pending_application_for_the_city_admin()
    {
        using var factory = new PlatformFactory(seedDemo: true);
        var password = factory.Services.GetRequiredService<IOptions<PlatformOptions>>().Value.DemoPassword;
        var admin = await ApiClient.SignInAsync(factory, DemoAccounts.CityAdmin.Email, password);
        var list = await ApiClient.ReadAsync(await admin.Http.GetAsync("/api/v1/programmes"));
        var voucher = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(DemoProgrammes.VoucherNameZh, voucher.GetProperty("nameZh").GetString());
        Assert.True(voucher.GetProperty("isOpen").GetBoolean());
        Assert.Equal(DemoProgrammes.Budget - DemoProgrammes.PeerGrant, voucher.GetProperty("budget").GetProperty("remainingCny").GetInt64());
        var id = voucher.GetProperty("id").GetGuid();
        var pending = await ApiClient.ReadAsync(await admin.Http.GetAsync($"/api/v1/programmes/{id}/applications?status=pending"));
        var application = Assert.Single(pending.GetProperty("items").EnumerateArray());
        Assert.Equal("宁波示范精密机械有限公司", application.GetProperty("enterpriseName").GetString());

        // the demo enterprise meets the rules and sees its own application
        var owner = await ApiClient.SignInAsync(factory, DemoAccounts.Enterprise.Email, password);
        var seen = await ApiClient.ReadAsync(await owner.Http.GetAsync($"/api/v1/programmes/{id}"));
        Assert.True(seen.GetProperty("eligibility").GetProperty("eligible").GetBoolean());
        Assert.Equal("pending", seen.GetProperty("myApplication").GetProperty("status").GetString());
    }
}
