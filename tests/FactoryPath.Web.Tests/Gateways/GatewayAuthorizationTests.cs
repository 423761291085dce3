using FactoryPath.Web.Accounts;

namespace FactoryPath.Web.Tests.Gateways;

/// <summary>
/// Gateways belong to their enterprise: another enterprise gets 404, regional admins and service providers see none,
/// the platform operator sees all and issues for any enterprise.
/// </summary>
public sealed class GatewayAuthorizationTests : IClassFixture<GatewayAuthorizationTests.World>
{
    private readonly World _w;

    public GatewayAuthorizationTests(World world) => _w = world;

    public sealed class World : IAsyncLifetime
    {
        public PlatformFactory Factory { get; } = new();
        public ApiClient A { get; private set; } = default!;
        public ApiClient B { get; private set; } = default!;
        public Guid EnterpriseA { get; private set; }
        public string EmailA { get; } = Codes.Email("gwa");
        public string EmailB { get; } = Codes.Email("gwb");
        public TestGateway GatewayA { get; private set; } = default!;
        public TestGateway GatewayB { get; private set; } = default!;

        public async Task InitializeAsync()
        {
            A = await ApiClient.RegisterAsync(Factory, EmailA);
            B = await ApiClient.RegisterAsync(Factory, EmailB);
            EnterpriseA = (await A.CreateEnterpriseAsync("网关甲企业", Codes.NewCreditCode("330200"), regionCode: "330212")).GetProperty("id").GetGuid();
            await B.CreateEnterpriseAsync("网关乙企业", Codes.NewCreditCode("330200"), regionCode: "330212");
            GatewayA = await TestGateway.IssueAsync(A, "甲的网关");
            GatewayB = await TestGateway.IssueAsync(B, "乙的网关");
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    private static async Task<HashSet<string>> ListedAsync(ApiClient client)
    {
        var list = await ApiClient.ReadAsync(await client.Http.GetAsync("/api/v1/gateways?pageSize=100"));
        return list.GetProperty("items").EnumerateArray().Select(g => g.GetProperty("id").GetString()!).ToHashSet();
    }

    [Fact]
    public async Task An_enterprise_lists_only_its_own_gateways_and_never_sees_the_secret_again()
    {
        Assert.Equal([_w.GatewayA.Id], await ListedAsync(_w.A));
        Assert.Equal([_w.GatewayB.Id], await ListedAsync(_w.B));
        var html = await (await _w.A.Http.GetAsync($"/api/v1/gateways/{_w.GatewayA.Id}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(_w.GatewayA.Secret, html);
    }

    [Fact]
    public async Task An_enterprise_cannot_issue_for_another_enterprise()
    {
        var response = await _w.B.Http.PostAsJsonAsync("/api/v1/gateways", new { name = "偷偷的网关", enterpriseId = _w.EnterpriseA });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("偷偷的网关", await (await _w.A.Http.GetAsync("/api/v1/gateways")).Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(PlatformRoles.RegionalAdmin, "330000")]
    [InlineData(PlatformRoles.ServiceProvider, null)]
    public async Task Regional_admins_and_providers_see_no_gateway(string role, string? region)
    {
        var other = await Users.WithRoleAsync(_w.Factory, role, region);
        Assert.Empty(await ListedAsync(other));
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/api/v1/gateways/{_w.GatewayA.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/api/v1/gateways/{_w.GatewayA.Id}/live")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.PostAsync($"/api/v1/gateways/{_w.GatewayA.Id}/revoke", null)).StatusCode);
        var issue = await other.Http.PostAsJsonAsync("/api/v1/gateways", new { name = "x", enterpriseId = _w.EnterpriseA });
        Assert.Equal(HttpStatusCode.Forbidden, issue.StatusCode);
        Assert.Equal("application/problem+json", issue.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_operator_sees_every_gateway_and_issues_for_a_named_enterprise()
    {
        var op = await Users.WithRoleAsync(_w.Factory, PlatformRoles.PlatformAdmin);
        var listed = await ListedAsync(op);
        Assert.Contains(_w.GatewayA.Id, listed);
        Assert.Contains(_w.GatewayB.Id, listed);

        var withoutEnterprise = await op.Http.PostAsJsonAsync("/api/v1/gateways", new { name = "运营签发" });
        Assert.Equal(HttpStatusCode.BadRequest, withoutEnterprise.StatusCode);
        Assert.True((await ApiClient.ReadAsync(withoutEnterprise)).GetProperty("errors").TryGetProperty("enterpriseId", out _));

        // for an enterprise of its own, so the other tests' lists stay as they are
        var c = await ApiClient.RegisterAsync(_w.Factory, Codes.Email("gwc"));
        var enterpriseC = (await c.CreateEnterpriseAsync("网关丙企业", Codes.NewCreditCode())).GetProperty("id").GetGuid();
        var issued = await op.Http.PostAsJsonAsync("/api/v1/gateways", new { name = "运营签发", enterpriseId = enterpriseC });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var id = (await ApiClient.ReadAsync(issued)).GetProperty("gateway").GetProperty("id").GetString()!;
        Assert.Equal([id], await ListedAsync(c));
    }

    [Theory]
    [InlineData("", "name")]
    [InlineData("   ", "name")]
    public async Task Issuing_without_a_name_is_a_validation_problem(string name, string field)
    {
        var response = await _w.A.Http.PostAsJsonAsync("/api/v1/gateways", new { name });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ApiClient.ReadAsync(response)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Theory]
    [InlineData("?pageSize=0", "pageSize")]
    [InlineData("?page=0", "page")]
    [InlineData("/rollups?resolution=5m", "resolution")]
    [InlineData("/rollups?from=2026-11-24T10:00:00Z&to=2026-11-24T09:00:00Z", "from")]
    public async Task Bad_query_parameters_are_validation_problems(string query, string field)
    {
        var path = query.StartsWith('?') ? $"/api/v1/gateways{query}" : $"/api/v1/gateways/{_w.GatewayA.Id}{query}";
        var response = await _w.A.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ApiClient.ReadAsync(response)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Theory]
    [InlineData("/gateways/{a}")]
    public async Task Another_enterprise_gets_not_found_for_As_gateway_page(string path)
    {
        var b = await PageClient.SignedInAsync(_w.Factory, _w.EmailB, ApiClient.Password);
        var response = await b.Http.GetAsync(path.Replace("{a}", _w.GatewayA.Id));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("甲的网关", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_gateway_list_page_shows_only_the_viewers_gateways()
    {
        var b = await PageClient.SignedInAsync(_w.Factory, _w.EmailB, ApiClient.Password);
        var page = await b.GetDocumentAsync("/gateways");
        var rows = page.QuerySelectorAll("[data-testid=gateway-table] tr[data-gateway]").Select(r => r.GetAttribute("data-gateway")).ToList();
        Assert.Equal([_w.GatewayB.Id], rows);
    }
}
