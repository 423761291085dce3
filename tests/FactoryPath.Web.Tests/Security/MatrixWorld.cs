using FactoryPath.Core.Assessment;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Demo;
using FactoryPath.Web.Tests.Demands;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FactoryPath.Web.Tests.Security;

/// <summary>
/// The world the authorization matrix runs in: enterprise A in Ningbo (330212) owns one of everything (sheet, result,
/// gateway, alert rule and alert, demand with an accepted proposal and the project it made, programme application,
/// demonstration application); enterprise B in Shenzhen owns its own profile; a provider outside the deal, the Ningbo
/// city admin (A's region), the Hangzhou city admin (another region) and the operator. One signed-in API client
/// (bearer) and one page client (cookie) per role.
/// </summary>
public sealed class MatrixWorld : IAsyncLifetime
{
    public static readonly string[] Roles = ["anonymous", "A", "B", "provider", "admin-in", "admin-out", "operator"];

    public PlatformFactory Factory { get; } = new();
    public string NameA { get; } = "甲宁波矩阵企业";
    public string NameB { get; } = "乙深圳矩阵企业";
    public string DemandTitleA { get; } = "甲的设备联网需求";
    public Dictionary<string, string> Ids { get; } = [];
    private readonly Dictionary<string, (HttpClient Api, HttpClient Pages)> _clients = [];

    public (HttpClient Api, HttpClient Pages) Client(string role) => _clients[role];

    public async Task InitializeAsync()
    {
        var emailA = Codes.Email("matrix-a");
        var emailB = Codes.Email("matrix-b");
        var a = await ApiClient.RegisterAsync(Factory, emailA);
        var b = await ApiClient.RegisterAsync(Factory, emailB);
        var enterpriseA = (await a.CreateEnterpriseAsync(NameA, Codes.NewCreditCode("330200"), regionCode: "330212")).GetProperty("id").GetGuid();
        var enterpriseB = (await b.CreateEnterpriseAsync(NameB, Codes.NewCreditCode("440300"), regionCode: "440300")).GetProperty("id").GetGuid();
        Ids["enterprise"] = enterpriseA.ToString();
        Ids["enterpriseB"] = enterpriseB.ToString();

        var models = Factory.Services.GetRequiredService<ModelRegistry>();
        var miit = models.Latest("miit-sme-digital-level")!;
        Ids["model"] = miit.Id;
        Ids["version"] = miit.Version;
        Ids["result"] = (await SubmitAsync(a, enterpriseA, miit, 0.6)).ToString();
        await SubmitAsync(a, enterpriseA, models.Latest("cmmm-selfcheck")!, 0.97); // mature enough to apply for a demonstration tier
        Ids["draft"] = (await a.StartSheetAsync(enterpriseA, miit.Id)).GetProperty("id").GetGuid().ToString();
        Ids["gateway"] = (await Gateways.TestGateway.IssueAsync(a, "甲的网关")).Id;

        var rule = await a.Http.PostAsJsonAsync("/api/v1/alert-rules", new
        {
            name = "甲的规则", target = "tag", role = "powerKw", scope = "prefix", assetPath = "", @operator = "greaterThan", threshold = 45, durationSeconds = 60, severity = "warning",
        });
        Assert.Equal(HttpStatusCode.Created, rule.StatusCode);
        var ruleId = (await ApiClient.ReadAsync(rule)).GetProperty("id").GetGuid();
        Ids["alert-rule"] = ruleId.ToString();
        using (var scope = Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FactoryPath.Web.Persistence.PlatformDbContext>();
            var alert = new FactoryPath.Web.Alerts.Alert { EnterpriseId = enterpriseA, RuleId = ruleId, RuleName = "甲的规则", Subject = "acme/ningbo/moulding/line-1/press-3", Since = DateTime.UtcNow, RaisedAt = DateTime.UtcNow };
            db.Alerts.Add(alert);
            await db.SaveChangesAsync();
            Ids["alert"] = alert.Id.ToString();
        }

        // the deal: A's demand, a proposal of provider P (not a matrix role), accepted into a project
        var dealer = await Marketplace.ProviderAsync(Factory, "丁矩阵服务商", ["equipment-monitoring"], ["330000"]);
        Ids["provider"] = dealer.ProviderId.ToString();
        Ids["solution"] = (await Marketplace.SolutionAsync(Factory, dealer.ProviderId, "丁的设备联网方案")).ToString();
        var demand = await Marketplace.PostDemandAsync(a, Marketplace.Demand(DemandTitleA));
        Ids["demand"] = demand.ToString();
        var proposal = await Marketplace.ProposeAsync(dealer.Api, demand, 300_000);
        Ids["proposal"] = proposal.ToString();
        var accepted = await a.Http.PostAsync($"/api/v1/demands/{demand}/accept/{proposal}", null);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Ids["project"] = (await ApiClient.ReadAsync(accepted)).GetProperty("id").GetGuid().ToString();

        var operatorApi = await Users.WithRoleAsync(Factory, PlatformRoles.PlatformAdmin);
        var kase = await operatorApi.Http.PostAsJsonAsync("/api/v1/pool/cases", Pool.PoolWorld.Case("矩阵案例"));
        Assert.Equal(HttpStatusCode.Created, kase.StatusCode);
        Ids["case"] = (await ApiClient.ReadAsync(kase)).GetProperty("id").GetGuid().ToString();
        // a chain is published pool data: its leader is a third Ningbo enterprise, not a tenant of the matrix
        var (_, leader) = await Programmes.Programmes.EnterpriseAsync(Factory, "丙宁波链主企业", "330203");
        var chain = await operatorApi.Http.PostAsJsonAsync("/api/v1/pool/chains", new
        {
            nameZh = "宁波模具产业链", nameEn = "Ningbo mould chain", industries = new[] { "34" }, regionCode = "330200",
            members = new object[] { new { enterpriseId = leader, role = "Leader", tier = 0 } },
        });
        Assert.Equal(HttpStatusCode.Created, chain.StatusCode);
        Ids["chain"] = (await ApiClient.ReadAsync(chain)).GetProperty("id").GetGuid().ToString();

        var ningboEmail = await Users.CreateAsync(Factory, PlatformRoles.RegionalAdmin, "330200");
        var ningbo = await ApiClient.SignInAsync(Factory, ningboEmail, ApiClient.Password);
        Ids["programme"] = (await Programmes.Programmes.CreateAsync(ningbo, Programmes.Programmes.Body())).ToString();
        Ids["application"] = (await Programmes.Programmes.AppliedAsync(a, Guid.Parse(Ids["programme"]), 50_000)).ToString();
        Ids["demonstration"] = (await Demonstration.DemonstrationWorld.ApplyAsync(a, enterpriseA, "smartFactoryBasic")).ToString();

        var providerEmail = (await Marketplace.ProviderAsync(Factory, "丙矩阵服务商", ["sme-financial-management"], ["440000"])).Email;
        var hangzhouEmail = await Users.CreateAsync(Factory, PlatformRoles.RegionalAdmin, "330100");
        var operatorEmail = await Users.CreateAsync(Factory, PlatformRoles.PlatformAdmin);
        _clients["anonymous"] = (Raw(), Raw());
        foreach (var (role, email) in new[] { ("A", emailA), ("B", emailB), ("provider", providerEmail), ("admin-in", ningboEmail), ("admin-out", hangzhouEmail), ("operator", operatorEmail) })
        {
            var api = Raw();
            await new ApiClient(api).SignInAsync(email, ApiClient.Password);
            _clients[role] = (api, (await PageClient.SignedInAsync(Factory, email, ApiClient.Password)).Http);
        }
    }

    private HttpClient Raw() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private async Task<Guid> SubmitAsync(ApiClient client, Guid enterprise, AssessmentModel model, double maturity)
    {
        var sheet = (await client.StartSheetAsync(enterprise, model.Id)).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await client.SaveAsync(sheet, DemoAnswers.Generate(model, new Random(3), maturity))).StatusCode);
        var submitted = await client.Http.PostAsync($"/api/v1/sheets/{sheet}/submit", null);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        return (await ApiClient.ReadAsync(submitted)).GetProperty("summary").GetProperty("id").GetGuid();
    }

    /// <summary>Texts and ids that must never appear in a successful answer to <paramref name="role"/>.</summary>
    public IReadOnlyList<string> Foreign(string role) => role switch
    {
        "operator" => [],
        "A" or "admin-in" => [NameB, Ids["enterpriseB"]],
        "anonymous" => [NameA, Ids["enterprise"], NameB, Ids["enterpriseB"], DemandTitleA],
        _ => [NameA, Ids["enterprise"], DemandTitleA, Ids["result"], Ids["gateway"]],
    };

    public string Fill(string template)
    {
        var path = template;
        foreach (var (key, value) in Ids) path = path.Replace("{" + key + "}", value);
        return path;
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}
