using FactoryPath.Web.Accounts;
using FactoryPath.Web.Assessment;
using FactoryPath.Web.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace FactoryPath.Web.Tests.Api;

/// <summary>
/// Who may see and change what: an enterprise only its own data (another's is 404, never 403, so its existence does not
/// leak), a regional admin only the enterprises located in its region (read only), anonymous callers nothing.
/// </summary>
public sealed class AuthorizationTests : IClassFixture<AuthorizationTests.World>
{
    private readonly World _w;

    public AuthorizationTests(World world) => _w = world;

    public sealed class World : IAsyncLifetime
    {
        public PlatformFactory Factory { get; } = new();
        public ApiClient A { get; private set; } = default!;
        public ApiClient B { get; private set; } = default!;
        public Guid EnterpriseA { get; private set; }
        public Guid EnterpriseB { get; private set; }
        public Guid SheetA { get; private set; }
        public Guid DraftA { get; private set; }
        public Guid ResultA { get; private set; }
        public string GatewayA { get; private set; } = "";
        public Guid AlertRuleA { get; private set; }
        public long AlertA { get; private set; }
        public Guid ProgrammeA { get; private set; }
        public Guid ApplicationA { get; private set; }
        private readonly Dictionary<string, ApiClient> _roles = [];

        /// <summary>One signed-in client per role of the programme matrix: A, B, provider, operator, admin:REGION.</summary>
        public async Task<ApiClient> AsAsync(string role)
        {
            if (role == "A") return A;
            if (role == "B") return B;
            if (!_roles.TryGetValue(role, out var client))
            {
                client = role switch
                {
                    "provider" => await Users.WithRoleAsync(Factory, PlatformRoles.ServiceProvider),
                    "operator" => await Users.WithRoleAsync(Factory, PlatformRoles.PlatformAdmin),
                    _ => await Users.WithRoleAsync(Factory, PlatformRoles.RegionalAdmin, role["admin:".Length..]),
                };
                _roles[role] = client;
            }
            return client;
        }

        public async Task InitializeAsync()
        {
            A = await ApiClient.RegisterAsync(Factory, Codes.Email("a"));
            B = await ApiClient.RegisterAsync(Factory, Codes.Email("b"));
            EnterpriseA = (await A.CreateEnterpriseAsync("甲宁波企业", Codes.NewCreditCode("330200"), regionCode: "330212")).GetProperty("id").GetGuid();
            EnterpriseB = (await B.CreateEnterpriseAsync("乙深圳企业", Codes.NewCreditCode("440300"), regionCode: "440300")).GetProperty("id").GetGuid();
            var model = Factory.Services.GetRequiredService<FactoryPath.Core.Assessment.ModelRegistry>().Latest("miit-sme-digital-level")!;
            SheetA = (await A.StartSheetAsync(EnterpriseA, model.Id)).GetProperty("id").GetGuid();
            Assert.Equal(HttpStatusCode.OK, (await A.SaveAsync(SheetA, DemoAnswers.Generate(model, new Random(1), 0.5))).StatusCode);
            var submitted = await A.Http.PostAsync($"/api/v1/sheets/{SheetA}/submit", null);
            ResultA = (await ApiClient.ReadAsync(submitted)).GetProperty("summary").GetProperty("id").GetGuid();
            DraftA = (await A.StartSheetAsync(EnterpriseA, model.Id)).GetProperty("id").GetGuid();
            GatewayA = (await Gateways.TestGateway.IssueAsync(A)).Id;
            var rule = await A.Http.PostAsJsonAsync("/api/v1/alert-rules", new
            {
                name = "甲的规则", target = "tag", role = "powerKw", scope = "prefix", assetPath = "", @operator = "greaterThan", threshold = 45, durationSeconds = 60, severity = "warning",
            });
            Assert.Equal(HttpStatusCode.Created, rule.StatusCode);
            AlertRuleA = (await ApiClient.ReadAsync(rule)).GetProperty("id").GetGuid();
            using var scope = Factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<FactoryPath.Web.Persistence.PlatformDbContext>();
            var alert = new FactoryPath.Web.Alerts.Alert { EnterpriseId = EnterpriseA, RuleId = AlertRuleA, RuleName = "甲的规则", Subject = "acme/ningbo/moulding/line-1/press-3", Since = DateTime.UtcNow, RaisedAt = DateTime.UtcNow };
            db.Alerts.Add(alert);
            await db.SaveChangesAsync();
            AlertA = alert.Id;
            // a Ningbo programme, and A's application to it
            ProgrammeA = await Programmes.Programmes.CreateAsync(await AsAsync("admin:330200"), Programmes.Programmes.Body());
            ApplicationA = await Programmes.Programmes.AppliedAsync(A, ProgrammeA, 50_000);
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    private string Fill(string path) => path.Replace("{enterprise}", _w.EnterpriseA.ToString())
        .Replace("{draft}", _w.DraftA.ToString()).Replace("{result}", _w.ResultA.ToString()).Replace("{gateway}", _w.GatewayA)
        .Replace("{alert-rule}", _w.AlertRuleA.ToString()).Replace("{alert}", _w.AlertA.ToString())
        .Replace("{programme}", _w.ProgrammeA.ToString()).Replace("{application}", _w.ApplicationA.ToString())
        .Replace("{any}", "5d6f0a52-0000-4000-8000-000000000001");

    // Every endpoint's answer to anonymous callers (401) and to another enterprise using A's ids (404) is a column of
    // the endpoint-complete matrix, Security/AuthorizationMatrix.cs; the tests here cover the scopes around it.

    [Fact]
    public async Task Another_enterprise_lists_only_its_own_enterprise()
    {
        var list = await ApiClient.ReadAsync(await _w.B.Http.GetAsync("/api/v1/enterprises"));
        Assert.Equal([_w.EnterpriseB], list.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToArray());
    }

    [Fact]
    public async Task A_failed_attempt_by_B_leaves_As_draft_untouched()
    {
        var before = await ApiClient.ReadAsync(await _w.A.Http.GetAsync($"/api/v1/sheets/{_w.DraftA}"));
        await _w.B.SaveAsync(_w.DraftA, new FactoryPath.Core.Assessment.AnswerSheetData());
        var after = await ApiClient.ReadAsync(await _w.A.Http.GetAsync($"/api/v1/sheets/{_w.DraftA}"));
        Assert.Equal(before.GetProperty("updatedAt").GetDateTime(), after.GetProperty("updatedAt").GetDateTime());
        Assert.Equal(before.GetProperty("answered").GetInt32(), after.GetProperty("answered").GetInt32());
    }

    [Theory]
    [InlineData("330000", true, false)]   // Zhejiang province admin: sees Ningbo, not Shenzhen
    [InlineData("330200", true, false)]   // Ningbo city admin
    [InlineData("330212", true, false)]   // the county itself
    [InlineData("330100", false, false)]  // Hangzhou city admin: neither
    [InlineData("440000", false, true)]   // Guangdong: only Shenzhen
    public async Task A_regional_admin_reads_only_enterprises_in_its_region(string region, bool seesA, bool seesB)
    {
        var admin = await Users.WithRoleAsync(_w.Factory, PlatformRoles.RegionalAdmin, region);
        Assert.Equal(seesA ? HttpStatusCode.OK : HttpStatusCode.NotFound, (await admin.Http.GetAsync($"/api/v1/enterprises/{_w.EnterpriseA}")).StatusCode);
        // a result holds the answers' scores: without A's consent its own region's admin is refused (403), another region learns nothing (404)
        Assert.Equal(seesA ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound, (await admin.Http.GetAsync($"/api/v1/results/{_w.ResultA}")).StatusCode);
        Assert.Equal(seesA ? HttpStatusCode.OK : HttpStatusCode.NotFound, (await admin.Http.GetAsync($"/api/v1/enterprises/{_w.EnterpriseA}/results")).StatusCode);
        Assert.Equal(seesB ? HttpStatusCode.OK : HttpStatusCode.NotFound, (await admin.Http.GetAsync($"/api/v1/enterprises/{_w.EnterpriseB}")).StatusCode);

        var list = await ApiClient.ReadAsync(await admin.Http.GetAsync("/api/v1/enterprises?pageSize=100"));
        var ids = list.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToHashSet();
        Assert.Equal(seesA, ids.Contains(_w.EnterpriseA));
        Assert.Equal(seesB, ids.Contains(_w.EnterpriseB));
    }

    [Theory]
    [InlineData("330000", HttpStatusCode.OK)]
    [InlineData("330200", HttpStatusCode.OK)]
    [InlineData("330100", HttpStatusCode.NotFound)]
    [InlineData("440000", HttpStatusCode.NotFound)]
    public async Task A_regional_admin_reads_the_demonstration_standing_and_consent_of_its_region_only(string region, HttpStatusCode expected)
    {
        var admin = await Users.WithRoleAsync(_w.Factory, PlatformRoles.RegionalAdmin, region);
        Assert.Equal(expected, (await admin.Http.GetAsync($"/api/v1/enterprises/{_w.EnterpriseA}/demonstration")).StatusCode);
        Assert.Equal(expected, (await admin.Http.GetAsync($"/api/v1/enterprises/{_w.EnterpriseA}/demonstration/applications")).StatusCode);
        Assert.Equal(expected, (await admin.Http.GetAsync($"/api/v1/enterprises/{_w.EnterpriseA}/consent")).StatusCode);
        // but never changes the consent, applies, nor reads the read log
        var put = await admin.Http.PutAsJsonAsync($"/api/v1/enterprises/{_w.EnterpriseA}/consent", new { allowRegionalAdmins = true });
        Assert.Equal(expected == HttpStatusCode.OK ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound, put.StatusCode);
        var apply = await admin.Http.PostAsJsonAsync($"/api/v1/enterprises/{_w.EnterpriseA}/demonstration/applications", new { tier = "smartFactoryBasic", statement = "x" });
        Assert.Equal(expected == HttpStatusCode.OK ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound, apply.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync($"/api/v1/enterprises/{_w.EnterpriseA}/admin-reads")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync("/api/v1/demonstration/applications")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync($"/api/v1/demonstration/applications/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Providers_and_enterprises_get_403_for_the_review_list_and_its_export()
    {
        var provider = await Users.WithRoleAsync(_w.Factory, PlatformRoles.ServiceProvider);
        foreach (var client in new[] { _w.A, provider })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.GetAsync("/api/v1/demonstration/applications")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.GetAsync("/api/v1/demonstration/applications/export?format=csv")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await provider.Http.GetAsync($"/api/v1/enterprises/{_w.EnterpriseA}/demonstration")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await provider.Http.GetAsync($"/api/v1/enterprises/{_w.EnterpriseA}/admin-reads")).StatusCode);
        var op = await Users.WithRoleAsync(_w.Factory, PlatformRoles.PlatformAdmin);
        Assert.Equal(HttpStatusCode.OK, (await op.Http.GetAsync("/api/v1/demonstration/applications/export?format=xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await op.Http.GetAsync($"/api/v1/enterprises/{_w.EnterpriseA}/admin-reads")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.Http.PutAsJsonAsync($"/api/v1/enterprises/{_w.EnterpriseA}/consent", new { allowRegionalAdmins = true })).StatusCode);
    }

    [Fact]
    public async Task A_regional_admin_cannot_change_an_enterprise_it_can_read()
    {
        var admin = await Users.WithRoleAsync(_w.Factory, PlatformRoles.RegionalAdmin, "330000");
        var put = await admin.Http.PutAsJsonAsync($"/api/v1/enterprises/{_w.EnterpriseA}", new
        {
            name = "改名", creditCode = Codes.NewCreditCode(), industryCode = "34", regionCode = "330212", employees = 1, annualRevenueCny = 1m,
        });
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.SaveAsync(_w.DraftA, new FactoryPath.Core.Assessment.AnswerSheetData())).StatusCode);
        var name = (await ApiClient.ReadAsync(await _w.A.Http.GetAsync($"/api/v1/enterprises/{_w.EnterpriseA}"))).GetProperty("name").GetString();
        Assert.Equal("甲宁波企业", name);
    }

    [Fact]
    public async Task A_service_provider_sees_no_enterprise()
    {
        var provider = await Users.WithRoleAsync(_w.Factory, PlatformRoles.ServiceProvider);
        var list = await ApiClient.ReadAsync(await provider.Http.GetAsync("/api/v1/enterprises"));
        Assert.Equal(0, list.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await provider.Http.GetAsync($"/api/v1/results/{_w.ResultA}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await provider.Http.PostAsJsonAsync("/api/v1/enterprises", new { name = "x" })).StatusCode);
    }

    [Fact]
    public async Task A_platform_admin_reads_every_enterprise()
    {
        var op = await Users.WithRoleAsync(_w.Factory, PlatformRoles.PlatformAdmin);
        Assert.Equal(HttpStatusCode.OK, (await op.Http.GetAsync($"/api/v1/enterprises/{_w.EnterpriseA}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await op.Http.GetAsync($"/api/v1/enterprises/{_w.EnterpriseB}")).StatusCode);
    }

    private static readonly string[] RegionPaths = ["/api/v1/region/{code}/summary", "/api/v1/region/{code}/by-district", "/api/v1/region/{code}/by-industry", "/api/v1/region/{code}/levels", "/api/v1/region/{code}/gaps", "/api/v1/region/{code}/market", "/api/v1/region/{code}/rates",
        "/api/v1/region/{code}/indicators", "/api/v1/region/{code}/level-trend", "/api/v1/region/{code}/scene-maturity", "/api/v1/region/{code}/recognitions",
        "/api/v1/region/{code}/solutions"];

    public static TheoryData<string> RegionEndpoints
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var path in RegionPaths) data.Add(path);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(RegionEndpoints))]
    public async Task Enterprise_users_and_providers_get_403_for_regional_statistics(string path)
    {
        var provider = await Users.WithRoleAsync(_w.Factory, PlatformRoles.ServiceProvider);
        foreach (var client in new[] { _w.A, _w.B, provider })
        {
            var response = await client.Http.GetAsync(path.Replace("{code}", "330000"));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [InlineData("330000", "330000", HttpStatusCode.OK)]        // a province admin: its province,
    [InlineData("330000", "330200", HttpStatusCode.OK)]        // its cities
    [InlineData("330000", "330212", HttpStatusCode.OK)]        // and their counties
    [InlineData("330000", "440000", HttpStatusCode.Forbidden)] // but not another province
    [InlineData("330000", "440300", HttpStatusCode.Forbidden)] // nor a city of it
    [InlineData("330200", "330200", HttpStatusCode.OK)]        // a city admin: its city
    [InlineData("330200", "330212", HttpStatusCode.OK)]        // and its counties
    [InlineData("330200", "330000", HttpStatusCode.Forbidden)] // not its province
    [InlineData("330200", "330100", HttpStatusCode.Forbidden)] // nor a neighbouring city
    [InlineData("330200", "330102", HttpStatusCode.Forbidden)] // nor that city's county
    [InlineData("330000", "999999", HttpStatusCode.NotFound)]  // no such region
    [InlineData("330000", "33", HttpStatusCode.NotFound)]
    public async Task A_regional_admin_sees_statistics_of_its_region_and_the_regions_inside_it(string adminRegion, string code, HttpStatusCode expected)
    {
        var admin = await Users.WithRoleAsync(_w.Factory, PlatformRoles.RegionalAdmin, adminRegion);
        foreach (var path in RegionPaths)
        {
            var response = await admin.Http.GetAsync(path.Replace("{code}", code));
            Assert.Equal(expected, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            if (expected == HttpStatusCode.OK) Assert.Contains($"\"code\":\"{code}\"", body);
            else
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.DoesNotContain("registered", body, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Theory]
    [InlineData("330000")]
    [InlineData("440300")]
    [InlineData("330212")]
    public async Task The_platform_operator_sees_statistics_of_every_region(string code)
    {
        var op = await Users.WithRoleAsync(_w.Factory, PlatformRoles.PlatformAdmin);
        foreach (var path in RegionPaths)
            Assert.Equal(HttpStatusCode.OK, (await op.Http.GetAsync(path.Replace("{code}", code))).StatusCode);
    }

    private static readonly string[] RegionExportPaths = ["/api/v1/region/{code}/export/district?format=csv", "/api/v1/region/{code}/export/gaps?format=xlsx", "/api/v1/region/{code}/export"];

    [Fact]
    public async Task Enterprise_users_and_providers_get_403_for_regional_exports()
    {
        var provider = await Users.WithRoleAsync(_w.Factory, PlatformRoles.ServiceProvider);
        foreach (var client in new[] { _w.A, _w.B, provider })
        {
            foreach (var path in RegionExportPaths)
            {
                var response = await client.Http.GetAsync(path.Replace("{code}", "330000"));
                Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }
    }

    [Theory]
    [InlineData("330000", "330000", HttpStatusCode.OK)]
    [InlineData("330000", "330212", HttpStatusCode.OK)]
    [InlineData("330000", "440000", HttpStatusCode.Forbidden)]
    [InlineData("330000", "440300", HttpStatusCode.Forbidden)]
    [InlineData("330200", "330200", HttpStatusCode.OK)]
    [InlineData("330200", "330000", HttpStatusCode.Forbidden)]
    [InlineData("330200", "330102", HttpStatusCode.Forbidden)]
    [InlineData("330000", "999999", HttpStatusCode.NotFound)]
    public async Task A_regional_admin_exports_only_its_region_and_the_regions_inside_it(string adminRegion, string code, HttpStatusCode expected)
    {
        var admin = await Users.WithRoleAsync(_w.Factory, PlatformRoles.RegionalAdmin, adminRegion);
        foreach (var path in RegionExportPaths)
        {
            var response = await admin.Http.GetAsync(path.Replace("{code}", code));
            Assert.Equal(expected, response.StatusCode);
            if (expected == HttpStatusCode.OK) Assert.Contains($"region-{code}-", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
            else Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        // an unknown table is 404 inside the scope and 403 outside it: the scope is checked first
        var unknown = await admin.Http.GetAsync($"/api/v1/region/{code}/export/no-such-table?format=csv");
        Assert.Equal(expected == HttpStatusCode.OK ? HttpStatusCode.NotFound : expected, unknown.StatusCode);
    }

    [Theory]
    [InlineData("330000")]
    [InlineData("440300")]
    public async Task The_platform_operator_exports_every_region(string code)
    {
        var op = await Users.WithRoleAsync(_w.Factory, PlatformRoles.PlatformAdmin);
        foreach (var path in RegionExportPaths)
            Assert.Equal(HttpStatusCode.OK, (await op.Http.GetAsync(path.Replace("{code}", code))).StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/reference/industries")]
    [InlineData("/api/v1/reference/regions")]
    [InlineData("/api/v1/models")]
    [InlineData("/api/v1/models/miit-sme-digital-level")]
    [InlineData("/api/v1/catalog/links")]
    [InlineData("/api/v1/catalog/scenarios")]
    public async Task Reference_data_and_models_are_public(string path)
    {
        Assert.Equal(HttpStatusCode.OK, (await _w.Factory.CreateClient().GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_is_401_and_repeated_failures_lock_the_account()
    {
        var email = Codes.Email("lock");
        await ApiClient.RegisterAsync(_w.Factory, email);
        var http = _w.Factory.CreateClient();
        HttpStatusCode last = default;
        for (var i = 0; i < 5; i++)
        {
            last = (await http.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "wrong-password-1" })).StatusCode;
        }
        Assert.Equal(HttpStatusCode.Locked, last);
        var withRightPassword = await http.PostAsJsonAsync("/api/v1/auth/token", new { email, password = ApiClient.Password });
        Assert.Equal(HttpStatusCode.Locked, withRightPassword.StatusCode);
    }

    /// <summary>
    /// Support programmes, every endpoint × role. The programme belongs to Ningbo (330200); A (Ningbo) has applied, B is
    /// in Shenzhen. Requests that would change data are sent with bodies the service refuses after the access check
    /// (400), so a 400 proves access and a 403/404 its absence without one row changing what the next sees.
    /// </summary>
    public static TheoryData<string, string, string, string, HttpStatusCode> ProgrammeMatrix
    {
        get
        {
            var data = new TheoryData<string, string, string, string, HttpStatusCode>();
            void Row(string method, string path, string body, params (string Role, HttpStatusCode Expected)[] rows)
            {
                foreach (var (role, expected) in rows) data.Add(role, method, path, body, expected);
            }
            const HttpStatusCode ok = HttpStatusCode.OK, bad = HttpStatusCode.BadRequest, forbidden = HttpStatusCode.Forbidden, missing = HttpStatusCode.NotFound;
            Row("GET", "/api/v1/programmes", "", ("A", ok), ("B", ok), ("provider", forbidden), ("admin:330000", ok), ("admin:330200", ok), ("admin:330100", ok), ("admin:440000", ok), ("operator", ok));
            Row("POST", "/api/v1/programmes", "{}", ("A", forbidden), ("B", forbidden), ("provider", forbidden), ("admin:330200", bad), ("admin:440000", bad), ("operator", bad));
            Row("GET", "/api/v1/programmes/{programme}", "", ("A", ok), ("B", missing), ("provider", missing), ("admin:330000", ok), ("admin:330200", ok), ("admin:330100", missing), ("admin:440000", missing), ("operator", ok));
            Row("PUT", "/api/v1/programmes/{programme}", "{}", ("A", missing), ("B", missing), ("provider", missing), ("admin:330000", bad), ("admin:330200", bad), ("admin:330100", missing), ("admin:440000", missing), ("operator", bad));
            Row("POST", "/api/v1/programmes/{programme}/applications", "{}", ("A", bad), ("B", missing), ("provider", forbidden), ("admin:330200", forbidden), ("operator", forbidden));
            Row("GET", "/api/v1/programmes/{programme}/applications", "", ("A", missing), ("B", missing), ("provider", missing), ("admin:330000", ok), ("admin:330200", ok), ("admin:330100", missing), ("admin:440000", missing), ("operator", ok));
            Row("GET", "/api/v1/programmes/{programme}/applications/export", "", ("A", missing), ("B", missing), ("provider", missing), ("admin:330000", ok), ("admin:330200", ok), ("admin:330100", missing), ("admin:440000", missing), ("operator", ok));
            Row("GET", "/api/v1/programme-applications/{application}", "", ("A", ok), ("B", missing), ("provider", missing), ("admin:330000", ok), ("admin:330200", ok), ("admin:330100", missing), ("admin:440000", missing), ("operator", ok));
            Row("POST", "/api/v1/programme-applications/{application}/withdraw", "", ("B", missing), ("provider", missing), ("admin:330200", missing), ("operator", missing));
            Row("POST", "/api/v1/programme-applications/{application}/approve", """{"grantedCny":-1}""", ("A", missing), ("B", missing), ("provider", missing), ("admin:330000", bad), ("admin:330200", bad), ("admin:330100", missing), ("admin:440000", missing), ("operator", bad));
            Row("POST", "/api/v1/programme-applications/{application}/reject", """{"comment":""}""", ("A", missing), ("B", missing), ("provider", missing), ("admin:330000", bad), ("admin:330200", bad), ("admin:330100", missing), ("admin:440000", missing), ("operator", bad));
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(ProgrammeMatrix))]
    public async Task Programme_endpoints_answer_each_role_as_its_scope_allows(string role, string method, string path, string body, HttpStatusCode expected)
    {
        var client = await _w.AsAsync(role);
        var request = new HttpRequestMessage(new HttpMethod(method), Fill(path));
        if (method != "GET") request.Content = new StringContent(body.Length == 0 ? "{}" : body, System.Text.Encoding.UTF8, "application/json");
        var response = await client.Http.SendAsync(request);
        Assert.Equal(expected, response.StatusCode);
        if (expected is HttpStatusCode.NotFound or HttpStatusCode.Forbidden)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.DoesNotContain("甲宁波企业", await response.Content.ReadAsStringAsync());
        }
    }

    [Theory]
    [InlineData("A", true)]
    [InlineData("B", false)]
    [InlineData("admin:330000", true)]
    [InlineData("admin:330200", true)]
    [InlineData("admin:330100", false)]
    [InlineData("admin:440000", false)]
    [InlineData("operator", true)]
    public async Task Programme_lists_hold_only_programmes_of_the_callers_region(string role, bool seesNingbo)
    {
        var client = await _w.AsAsync(role);
        var list = await ApiClient.ReadAsync(await client.Http.GetAsync("/api/v1/programmes?pageSize=100"));
        var ids = list.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(seesNingbo, ids.Contains(_w.ProgrammeA));
    }
}
