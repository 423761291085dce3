using FactoryPath.Web.Accounts;
using FactoryPath.Web.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace FactoryPath.Web.Tests.Pages;

public sealed class PageAuthorizationTests : IClassFixture<PageAuthorizationTests.World>
{
    private readonly World _w;

    public PageAuthorizationTests(World world) => _w = world;

    public sealed class World : IAsyncLifetime
    {
        public PlatformFactory Factory { get; } = new();
        public string EmailA { get; } = Codes.Email("page-a");
        public string EmailB { get; } = Codes.Email("page-b");
        public Guid ResultA { get; private set; }
        public Guid DraftA { get; private set; }
        public Guid ProgrammeA { get; private set; }
        public Guid ApplicationA { get; private set; }

        public async Task InitializeAsync()
        {
            var a = await ApiClient.RegisterAsync(Factory, EmailA);
            await ApiClient.RegisterAsync(Factory, EmailB);
            var enterprise = (await a.CreateEnterpriseAsync("页面甲企业", Codes.NewCreditCode())).GetProperty("id").GetGuid();
            var model = Factory.Services.GetRequiredService<FactoryPath.Core.Assessment.ModelRegistry>().Latest("miit-sme-digital-level")!;
            var sheet = (await a.StartSheetAsync(enterprise, model.Id)).GetProperty("id").GetGuid();
            await a.SaveAsync(sheet, DemoAnswers.Generate(model, new Random(5), 0.8));
            ResultA = (await ApiClient.ReadAsync(await a.Http.PostAsync($"/api/v1/sheets/{sheet}/submit", null))).GetProperty("summary").GetProperty("id").GetGuid();
            DraftA = (await a.StartSheetAsync(enterprise, model.Id)).GetProperty("id").GetGuid();
            // a Ningbo programme (A is in 330212) and A's application to it
            ProgrammeA = await Programmes.Programmes.CreateAsync(await Users.WithRoleAsync(Factory, FactoryPath.Web.Accounts.PlatformRoles.PlatformAdmin), Programmes.Programmes.Body());
            ApplicationA = await Programmes.Programmes.AppliedAsync(a, ProgrammeA, 50_000);
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    // Every page's answer to anonymous visitors (a redirect to sign in, or 200 for the public pages) is a column of the
    // endpoint-complete matrix, Security/AuthorizationMatrix.cs.

    [Fact]
    public async Task The_owner_sees_its_result_page_with_level_and_charts()
    {
        var a = await PageClient.SignedInAsync(_w.Factory, _w.EmailA, ApiClient.Password);
        var page = await a.GetDocumentAsync($"/results/{_w.ResultA}");
        Assert.NotNull(page.QuerySelector("[data-testid=level]"));
        Assert.NotNull(page.QuerySelector("[data-testid=radar-chart]"));
        Assert.NotNull(page.QuerySelector("[data-testid=scenes-chart]"));
        var report = await a.GetDocumentAsync($"/results/{_w.ResultA}/report");
        Assert.Contains("数字化水平评测报告 / Digital level assessment report", report.QuerySelector("h1")!.TextContent);
    }

    [Theory]
    [InlineData("/results/{result}")]
    [InlineData("/results/{result}/report")]
    public async Task Another_enterprise_gets_not_found_for_As_result_pages(string path)
    {
        var b = await PageClient.SignedInAsync(_w.Factory, _w.EmailB, ApiClient.Password);
        var response = await b.Http.GetAsync(Fill(path));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("页面甲企业", html);
    }

    [Theory]
    [InlineData("/admin/enterprises")]
    [InlineData("/admin/users")]
    [InlineData("/region")]
    [InlineData("/region/330000")]
    [InlineData("/region/330000/report")]
    [InlineData("/region/330000/export/district?format=csv")]
    [InlineData("/region/330000/export")]
    [InlineData("/programmes/new")]
    [InlineData("/programmes/{programme}/edit")]
    [InlineData("/admin/demonstration")]
    [InlineData("/region/330000/export/solutions?format=csv")]
    [InlineData("/region/330000/export/recognitions?format=xlsx")]
    public async Task An_enterprise_user_is_refused_the_admin_pages(string path)
    {
        var a = await PageClient.SignedInAsync(_w.Factory, _w.EmailA, ApiClient.Password);
        var response = await a.Http.GetAsync(Fill(path));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/denied", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData(PlatformRoles.ServiceProvider, null, "/region/330000/report", HttpStatusCode.Redirect)]
    [InlineData(PlatformRoles.ServiceProvider, null, "/region/330000/export", HttpStatusCode.Redirect)]
    [InlineData(PlatformRoles.RegionalAdmin, "330000", "/region/330000/report", HttpStatusCode.OK)]
    [InlineData(PlatformRoles.RegionalAdmin, "330000", "/region/330212/report", HttpStatusCode.OK)]
    [InlineData(PlatformRoles.RegionalAdmin, "330000", "/region/440000/report", HttpStatusCode.Forbidden)]
    [InlineData(PlatformRoles.RegionalAdmin, "330000", "/region/999999/report", HttpStatusCode.NotFound)]
    [InlineData(PlatformRoles.RegionalAdmin, "330000", "/region/330200/export/market?format=xlsx", HttpStatusCode.OK)]
    [InlineData(PlatformRoles.RegionalAdmin, "330200", "/region/330000/export/market?format=xlsx", HttpStatusCode.Forbidden)]
    [InlineData(PlatformRoles.RegionalAdmin, "330200", "/region/330100/export", HttpStatusCode.Forbidden)]
    [InlineData(PlatformRoles.RegionalAdmin, "330200", "/region/330200/export/nothing?format=csv", HttpStatusCode.NotFound)]
    [InlineData(PlatformRoles.PlatformAdmin, null, "/region/440300/report", HttpStatusCode.OK)]
    [InlineData(PlatformRoles.PlatformAdmin, null, "/region/440300/export", HttpStatusCode.OK)]
    [InlineData(PlatformRoles.ServiceProvider, null, "/region/330000/export/solutions?format=csv", HttpStatusCode.Redirect)]
    [InlineData(PlatformRoles.RegionalAdmin, "330000", "/region/330000/export/solutions?format=csv", HttpStatusCode.OK)]
    [InlineData(PlatformRoles.RegionalAdmin, "330000", "/region/330212/export/recognitions?format=xlsx", HttpStatusCode.OK)]
    [InlineData(PlatformRoles.RegionalAdmin, "330200", "/region/330000/export/solutions?format=xlsx", HttpStatusCode.Forbidden)]
    [InlineData(PlatformRoles.RegionalAdmin, "440000", "/region/330000/export/recognitions?format=csv", HttpStatusCode.Forbidden)]
    [InlineData(PlatformRoles.PlatformAdmin, null, "/region/440300/export/solutions?format=xlsx", HttpStatusCode.OK)]
    [InlineData(PlatformRoles.PlatformAdmin, null, "/region/440300/export/recognitions?format=csv", HttpStatusCode.OK)]
    public async Task The_region_report_and_downloads_follow_the_statistics_scope(string role, string? region, string path, HttpStatusCode expected)
    {
        var page = await PageClient.SignedInAsync(_w.Factory, await Users.CreateAsync(_w.Factory, role, region), ApiClient.Password);
        var response = await page.Http.GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Redirect) Assert.Contains("/account/denied", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Signing_in_with_a_wrong_password_shows_a_message_and_sets_no_cookie()
    {
        var client = PageClient.Anonymous(_w.Factory);
        var response = await client.PostFormAsync("/account/login", "main form", new() { ["Input.Email"] = _w.EmailA, ["Input.Password"] = "not-the-password-9" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageClient.ParseAsync(response);
        Assert.Contains("not correct", page.QuerySelector(".alert.error")!.TextContent);
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused()
    {
        var client = PageClient.Anonymous(_w.Factory);
        var response = await client.Http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["Input.Email"] = _w.EmailA, ["Input.Password"] = ApiClient.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    /// <summary>Programme pages, role by role: who opens them (200), who is refused by role (denied) and who finds nothing (404).</summary>
    [Theory]
    [InlineData("A", "/programmes", HttpStatusCode.OK)]
    [InlineData("A", "/programmes/{programme}", HttpStatusCode.OK)]
    [InlineData("A", "/programmes/applications/{application}", HttpStatusCode.OK)]
    [InlineData("B", "/programmes", HttpStatusCode.OK)]
    [InlineData("B", "/programmes/{programme}", HttpStatusCode.NotFound)]
    [InlineData("B", "/programmes/applications/{application}", HttpStatusCode.NotFound)]
    [InlineData("provider", "/programmes", HttpStatusCode.Redirect)]
    [InlineData("provider", "/programmes/{programme}", HttpStatusCode.Redirect)]
    [InlineData("provider", "/programmes/applications/{application}", HttpStatusCode.Redirect)]
    [InlineData("provider", "/programmes/new", HttpStatusCode.Redirect)]
    [InlineData("admin:330200", "/programmes", HttpStatusCode.OK)]
    [InlineData("admin:330200", "/programmes/new", HttpStatusCode.OK)]
    [InlineData("admin:330200", "/programmes/{programme}", HttpStatusCode.OK)]
    [InlineData("admin:330200", "/programmes/{programme}/edit", HttpStatusCode.OK)]
    [InlineData("admin:330200", "/programmes/applications/{application}", HttpStatusCode.OK)]
    [InlineData("admin:330200", "/programmes/{programme}/applications/export?format=xlsx", HttpStatusCode.OK)]
    [InlineData("admin:330000", "/programmes/applications/{application}", HttpStatusCode.OK)]
    [InlineData("admin:330100", "/programmes/{programme}", HttpStatusCode.NotFound)]
    [InlineData("admin:330100", "/programmes/{programme}/edit", HttpStatusCode.NotFound)]
    [InlineData("admin:330100", "/programmes/applications/{application}", HttpStatusCode.NotFound)]
    [InlineData("admin:330100", "/programmes/{programme}/applications/export?format=csv", HttpStatusCode.NotFound)]
    [InlineData("admin:440000", "/programmes/applications/{application}", HttpStatusCode.NotFound)]
    [InlineData("operator", "/programmes/{programme}", HttpStatusCode.OK)]
    [InlineData("operator", "/programmes/applications/{application}", HttpStatusCode.OK)]
    public async Task Programme_pages_open_only_for_the_roles_and_regions_they_belong_to(string role, string path, HttpStatusCode expected)
    {
        var email = role switch
        {
            "A" => _w.EmailA,
            "B" => _w.EmailB,
            "provider" => await Users.CreateAsync(_w.Factory, FactoryPath.Web.Accounts.PlatformRoles.ServiceProvider),
            "operator" => await Users.CreateAsync(_w.Factory, FactoryPath.Web.Accounts.PlatformRoles.PlatformAdmin),
            _ => await Users.CreateAsync(_w.Factory, FactoryPath.Web.Accounts.PlatformRoles.RegionalAdmin, role["admin:".Length..]),
        };
        var client = await PageClient.SignedInAsync(_w.Factory, email, ApiClient.Password);
        var response = await client.Http.GetAsync(Fill(path));
        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Redirect) Assert.Contains("/account/denied", response.Headers.Location!.OriginalString);
        if (expected != HttpStatusCode.OK) Assert.DoesNotContain("页面甲企业", await response.Content.ReadAsStringAsync());
    }

    private string Fill(string path) => path.Replace("{result}", _w.ResultA.ToString()).Replace("{draft}", _w.DraftA.ToString())
        .Replace("{programme}", _w.ProgrammeA.ToString()).Replace("{application}", _w.ApplicationA.ToString());
}
