using FactoryPath.Web.Accounts;

namespace FactoryPath.Web.Tests.Demands;

/// <summary>
/// Who may see and do what with demands, proposals and projects: a provider only its own proposals and the demands sent
/// to it, an enterprise only its own demands and projects (anything else is 404, so nothing leaks), a regional
/// administrator reads those of its region's enterprises, the wrong role gets 403 and anonymous callers 401.
/// </summary>
public sealed class DemandAuthorizationTests : IClassFixture<DemandAuthorizationTests.World>
{
    private readonly World _w;

    public DemandAuthorizationTests(World world) => _w = world;

    public sealed class World : IAsyncLifetime
    {
        public PlatformFactory Factory { get; } = new();
        public ApiClient A { get; private set; } = default!;
        public ApiClient B { get; private set; } = default!;
        public Marketplace.ProviderAccount P1 { get; private set; } = default!;
        public Marketplace.ProviderAccount P2 { get; private set; } = default!;
        public Marketplace.ProviderAccount Outsider { get; private set; } = default!;
        public Guid Demand { get; private set; }
        public Guid DemandB { get; private set; }
        public Guid Proposal1 { get; private set; }
        public Guid Proposal2 { get; private set; }
        public Guid Project { get; private set; }

        public async Task InitializeAsync()
        {
            A = await ApiClient.RegisterAsync(Factory, Codes.Email("auth-a"));
            B = await ApiClient.RegisterAsync(Factory, Codes.Email("auth-b"));
            await A.CreateEnterpriseAsync("甲需求企业", Codes.NewCreditCode(), regionCode: "330212");
            await B.CreateEnterpriseAsync("乙需求企业", Codes.NewCreditCode("440300"), regionCode: "440300");
            P1 = await Marketplace.ProviderAsync(Factory, "授权服务商一", ["equipment-monitoring", "smart-energy-control"]);
            P2 = await Marketplace.ProviderAsync(Factory, "授权服务商二", ["equipment-monitoring", "smart-energy-control"]);
            Outsider = await Marketplace.ProviderAsync(Factory, "无关服务商", ["sme-human-resources"]);
            Demand = await Marketplace.PostDemandAsync(A, Marketplace.Demand("甲的设备监测需求"));
            DemandB = await Marketplace.PostDemandAsync(B, Marketplace.Demand("乙的设备监测需求", region: "440300"));
            Proposal1 = await Marketplace.ProposeAsync(P1.Api, Demand, 987_654);
            Proposal2 = await Marketplace.ProposeAsync(P2.Api, Demand, 123_456);

            var awarded = await Marketplace.PostDemandAsync(A, Marketplace.Demand("甲的能源管控需求", ["smart-energy-control"]));
            var winning = await Marketplace.ProposeAsync(P1.Api, awarded, 200_000);
            var accept = await A.Http.PostAsync($"/api/v1/demands/{awarded}/accept/{winning}", null);
            Assert.Equal(HttpStatusCode.Created, accept.StatusCode);
            Project = (await ApiClient.ReadAsync(accept)).GetProperty("id").GetGuid();
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    public static TheoryData<string, string> Endpoints => new()
    {
        { "GET", "/api/v1/demands" },
        { "POST", "/api/v1/demands" },
        { "GET", "/api/v1/demands/{demand}" },
        { "POST", "/api/v1/demands/{demand}/close" },
        { "GET", "/api/v1/demands/{demand}/proposals" },
        { "POST", "/api/v1/demands/{demand}/proposals" },
        { "POST", "/api/v1/demands/{demand}/accept/{proposal1}" },
        { "GET", "/api/v1/proposals/{proposal1}" },
        { "PUT", "/api/v1/proposals/{proposal1}" },
        { "POST", "/api/v1/proposals/{proposal1}/withdraw" },
        { "GET", "/api/v1/inbox" },
        { "GET", "/api/v1/projects" },
        { "GET", "/api/v1/projects/{project}" },
        { "POST", "/api/v1/projects/{project}/start" },
        { "POST", "/api/v1/projects/{project}/complete" },
        { "POST", "/api/v1/projects/{project}/cancel" },
        { "POST", "/api/v1/projects/{project}/consent" },
    };

    private string Fill(string path) => path.Replace("{demand}", _w.Demand.ToString()).Replace("{proposal1}", _w.Proposal1.ToString())
        .Replace("{project}", _w.Project.ToString());

    private static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), path)
    {
        Content = method is "GET" ? null : JsonContent.Create(new { }),
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Anonymous_callers_get_401(string method, string path)
    {
        var response = await _w.Factory.CreateClient().SendAsync(Request(method, Fill(path)));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/v1/demands/{demand}/proposals")]
    [InlineData("GET", "/api/v1/proposals/{proposal1}")]
    [InlineData("PUT", "/api/v1/proposals/{proposal1}")]
    [InlineData("POST", "/api/v1/proposals/{proposal1}/withdraw")]
    public async Task A_provider_never_reaches_another_providers_proposal(string method, string path)
    {
        var response = await _w.P2.Api.Http.SendAsync(Request(method, Fill(path)));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("987654", await response.Content.ReadAsStringAsync());
        var stored = await ApiClient.ReadAsync(await _w.P1.Api.Http.GetAsync($"/api/v1/proposals/{_w.Proposal1}"));
        Assert.Equal("submitted", stored.GetProperty("status").GetString());
        Assert.Equal(987_654, stored.GetProperty("priceCny").GetInt64());
    }

    [Fact]
    public async Task A_recipient_provider_reads_the_demand_with_only_its_own_proposal()
    {
        var response = await _w.P2.Api.Http.GetAsync($"/api/v1/demands/{_w.Demand}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("987654", body);
        Assert.DoesNotContain(_w.Proposal1.ToString(), body);
        Assert.DoesNotContain("甲需求企业", body);
        var demand = JsonDocument.Parse(body).RootElement;
        Assert.Equal(_w.Proposal2, demand.GetProperty("myProposal").GetProperty("id").GetGuid());
        Assert.Equal(JsonValueKind.Null, demand.GetProperty("proposalCount").ValueKind);
    }

    [Theory]
    [InlineData("GET", "/api/v1/demands/{demand}")]
    [InlineData("POST", "/api/v1/demands/{demand}/proposals")]
    [InlineData("GET", "/api/v1/demands/{demand}/proposals")]
    [InlineData("POST", "/api/v1/demands/{demand}/close")]
    [InlineData("POST", "/api/v1/demands/{demand}/accept/{proposal1}")]
    [InlineData("GET", "/api/v1/projects/{project}")]
    [InlineData("POST", "/api/v1/projects/{project}/start")]
    [InlineData("POST", "/api/v1/projects/{project}/cancel")]
    public async Task A_provider_the_demand_was_not_sent_to_gets_404(string method, string path)
    {
        var response = method == "POST" && path.EndsWith("/proposals", StringComparison.Ordinal)
            ? await _w.Outsider.Api.Http.PostAsJsonAsync(Fill(path), Marketplace.Proposal(50_000))
            : await _w.Outsider.Api.Http.SendAsync(Request(method, Fill(path)));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("甲的", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, (await ApiClient.ReadAsync(await _w.Outsider.Api.Http.GetAsync("/api/v1/inbox"))).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_losing_provider_does_not_see_the_project()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _w.P2.Api.Http.GetAsync($"/api/v1/projects/{_w.Project}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _w.P2.Api.Http.PostAsync($"/api/v1/projects/{_w.Project}/start", null)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Another_enterprise_gets_404_or_its_own_lists(string method, string path)
    {
        var response = await _w.B.Http.SendAsync(Request(method, Fill(path)));
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("甲的", body);
        Assert.DoesNotContain("甲需求企业", body);
        switch (path)
        {
            case "/api/v1/demands" when method == "GET":
                var ids = JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetGuid());
                Assert.Equal([_w.DemandB], ids);
                break;
            case "/api/v1/projects":
                Assert.Equal(0, JsonDocument.Parse(body).RootElement.GetProperty("total").GetInt32());
                break;
            case "/api/v1/demands": // posting its own demand with an empty body
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                break;
            case "/api/v1/inbox":
            case "/api/v1/demands/{demand}/proposals" when method == "POST":
            case "/api/v1/proposals/{proposal1}" when method == "PUT":
            case "/api/v1/proposals/{proposal1}/withdraw":
                Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode); // the wrong role, whichever the record
                break;
            default:
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                break;
        }
    }

    [Theory]
    [InlineData("ServiceProvider", "GET", "/api/v1/demands")]
    [InlineData("ServiceProvider", "POST", "/api/v1/demands")]
    [InlineData("ServiceProvider", "GET", "/api/v1/inbox")] // an account not bound to a provider
    [InlineData("ServiceProvider", "GET", "/api/v1/projects")]
    [InlineData("RegionalAdmin", "POST", "/api/v1/demands")]
    [InlineData("RegionalAdmin", "GET", "/api/v1/inbox")]
    [InlineData("PlatformAdmin", "POST", "/api/v1/demands")]
    [InlineData("PlatformAdmin", "GET", "/api/v1/inbox")]
    [InlineData("EnterpriseUser", "GET", "/api/v1/inbox")]
    public async Task The_wrong_role_gets_403(string role, string method, string path)
    {
        var client = await Users.WithRoleAsync(_w.Factory, role, role == PlatformRoles.RegionalAdmin ? "330000" : null);
        var response = await client.Http.SendAsync(Request(method, path));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_bound_provider_cannot_post_or_list_demands_and_an_enterprise_cannot_answer_its_own()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await _w.P1.Api.Http.PostAsJsonAsync("/api/v1/demands", Marketplace.Demand())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _w.P1.Api.Http.GetAsync("/api/v1/demands")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _w.A.Http.PostAsJsonAsync($"/api/v1/demands/{_w.Demand}/proposals", Marketplace.Proposal(1000))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _w.P1.Api.Http.PostAsync($"/api/v1/demands/{_w.Demand}/accept/{_w.Proposal1}", null)).StatusCode);
    }

    [Theory]
    [InlineData("330000", true)]
    [InlineData("330200", true)]
    [InlineData("330100", false)]
    [InlineData("440000", false)]
    public async Task A_regional_admin_reads_the_demands_and_projects_of_its_regions_enterprises_but_changes_nothing(string region, bool sees)
    {
        var admin = await Users.WithRoleAsync(_w.Factory, PlatformRoles.RegionalAdmin, region);
        var expected = sees ? HttpStatusCode.OK : HttpStatusCode.NotFound;
        Assert.Equal(expected, (await admin.Http.GetAsync($"/api/v1/demands/{_w.Demand}")).StatusCode);
        Assert.Equal(expected, (await admin.Http.GetAsync($"/api/v1/demands/{_w.Demand}/proposals")).StatusCode);
        Assert.Equal(expected, (await admin.Http.GetAsync($"/api/v1/projects/{_w.Project}")).StatusCode);
        var refused = sees ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound;
        Assert.Equal(refused, (await admin.Http.PostAsync($"/api/v1/demands/{_w.Demand}/close", null)).StatusCode);
        Assert.Equal(refused, (await admin.Http.PostAsync($"/api/v1/demands/{_w.Demand}/accept/{_w.Proposal1}", null)).StatusCode);
        Assert.Equal(refused, (await admin.Http.PostAsync($"/api/v1/projects/{_w.Project}/cancel", null)).StatusCode);
        var list = await ApiClient.ReadAsync(await admin.Http.GetAsync("/api/v1/demands?pageSize=100"));
        Assert.Equal(sees, list.GetProperty("items").EnumerateArray().Any(d => d.GetProperty("id").GetGuid() == _w.Demand));
        var projects = await ApiClient.ReadAsync(await admin.Http.GetAsync("/api/v1/projects?pageSize=100"));
        Assert.Equal(sees, projects.GetProperty("items").EnumerateArray().Any(p => p.GetProperty("id").GetGuid() == _w.Project));
    }

    [Fact]
    public async Task An_operator_reads_every_demand_but_does_not_act_for_the_enterprise()
    {
        var op = await Users.WithRoleAsync(_w.Factory, PlatformRoles.PlatformAdmin);
        Assert.Equal(HttpStatusCode.OK, (await op.Http.GetAsync($"/api/v1/demands/{_w.Demand}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await op.Http.GetAsync($"/api/v1/demands/{_w.DemandB}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await op.Http.GetAsync($"/api/v1/projects/{_w.Project}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.Http.PostAsync($"/api/v1/demands/{_w.Demand}/accept/{_w.Proposal1}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await op.Http.PostAsync($"/api/v1/projects/{_w.Project}/cancel", null)).StatusCode);
    }
}
