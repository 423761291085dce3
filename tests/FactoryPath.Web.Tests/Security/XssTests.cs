using AngleSharp.Dom;
using FactoryPath.Core.Assessment;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Demo;
using FactoryPath.Web.Tests.Demands;
using Microsoft.Extensions.DependencyInjection;

namespace FactoryPath.Web.Tests.Security;

/// <summary>
/// Stored text is rendered encoded: a payload of script, attribute break-out, a javascript: URL, a template expression
/// and mixed CJK is stored in every free-text field users fill, and every page that shows them is parsed: the payload
/// shows as text, and no element, event-handler attribute or javascript: link comes from it.
/// </summary>
public sealed class XssTests : IClassFixture<XssTests.World>
{
    public const string Payload = "甲<script>alert(1)</script>\"><img src=x onerror=alert(1)>{{7*7}} javascript:alert(1) 企业";
    private readonly World _w;

    public XssTests(World world) => _w = world;

    public sealed class World : IAsyncLifetime
    {
        public PlatformFactory Factory { get; } = new();
        public Dictionary<string, string> Ids { get; } = [];
        public Dictionary<string, PageClient> Pages { get; } = [];

        public async Task InitializeAsync()
        {
            var operatorEmail = await Users.CreateAsync(Factory, PlatformRoles.PlatformAdmin);
            var op = await ApiClient.SignInAsync(Factory, operatorEmail, ApiClient.Password);

            // an enterprise user whose display name, enterprise, gateway, alert rule, demand, applications and comments hold the payload
            var emailA = Codes.Email("xss-a");
            var a = new ApiClient(Factory.CreateClient());
            Assert.Equal(HttpStatusCode.Created, (await a.Http.PostAsJsonAsync("/api/v1/auth/register", new { displayName = Payload, email = emailA, password = ApiClient.Password })).StatusCode);
            await a.SignInAsync(emailA, ApiClient.Password);
            var enterprise = (await a.CreateEnterpriseAsync(Payload, Codes.NewCreditCode("330200"), regionCode: "330212")).GetProperty("id").GetGuid();
            Ids["gateway"] = (await Gateways.TestGateway.IssueAsync(a, Payload)).Id;
            var rule = await a.Http.PostAsJsonAsync("/api/v1/alert-rules", new
            {
                name = Payload, target = "tag", role = "powerKw", scope = "prefix", assetPath = "", @operator = "greaterThan", threshold = 45, durationSeconds = 60, severity = "warning",
            });
            Assert.Equal(HttpStatusCode.Created, rule.StatusCode);
            Ids["rule"] = (await ApiClient.ReadAsync(rule)).GetProperty("id").GetString()!;
            var demand = new Dictionary<string, object?>
            {
                ["title"] = Payload, ["description"] = Payload, ["scenarios"] = new[] { "equipment-monitoring" }, ["budgetMinCny"] = 100_000, ["budgetMaxCny"] = 600_000,
                ["deadline"] = DateOnly.FromDateTime(DateTime.Today.AddMonths(3)).ToString("yyyy-MM-dd"), ["regionCode"] = "330212", ["preferredDeployment"] = "hybrid",
            };
            // the provider (name and description hold the payload) is in the pool before the demand is posted, so it receives it
            var provider = await op.Http.PostAsJsonAsync("/api/v1/pool/providers", new
            {
                name = Payload, creditCode = Codes.NewCreditCode("330100"), regionCode = "330100", regionsServed = new[] { "330000" }, industries = new[] { "34" },
                scenarios = new[] { "equipment-monitoring" }, certifications = new[] { Payload }, teamSize = 30, descriptionZh = Payload, descriptionEn = Payload, website = "https://example.cn",
            });
            Assert.Equal(HttpStatusCode.Created, provider.StatusCode);
            var providerId = (await ApiClient.ReadAsync(provider)).GetProperty("id").GetGuid();
            Ids["provider"] = providerId.ToString();
            var solution = Pool.PoolWorld.Solution(Payload, providerId);
            solution["descriptionZh"] = Payload;
            solution["descriptionEn"] = Payload;
            var created = await op.Http.PostAsJsonAsync("/api/v1/pool/solutions", solution);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Ids["solution"] = (await ApiClient.ReadAsync(created)).GetProperty("id").GetGuid().ToString();
            var providerEmail = Codes.Email("xss-provider");
            Assert.Equal(HttpStatusCode.Created, (await op.Http.PostAsJsonAsync("/api/v1/admin/users",
                new { email = providerEmail, displayName = Payload, password = ApiClient.Password, role = PlatformRoles.ServiceProvider, providerId })).StatusCode);
            var providerApi = await ApiClient.SignInAsync(Factory, providerEmail, ApiClient.Password);

            var demandId = await Marketplace.PostDemandAsync(a, demand);
            Ids["demand"] = demandId.ToString();
            var proposal = await providerApi.Http.PostAsJsonAsync($"/api/v1/demands/{demandId}/proposals", new { priceCny = 300_000, durationWeeks = 12, approach = Payload });
            Assert.Equal(HttpStatusCode.Created, proposal.StatusCode);

            var ningboEmail = await Users.CreateAsync(Factory, PlatformRoles.RegionalAdmin, "330200");
            var ningbo = await ApiClient.SignInAsync(Factory, ningboEmail, ApiClient.Password);
            var programmeBody = Programmes.Programmes.Body(nameZh: Payload);
            programmeBody["nameEn"] = Payload;
            programmeBody["descriptionEn"] = Payload;
            var programme = await Programmes.Programmes.CreateAsync(ningbo, programmeBody);
            Ids["programme"] = programme.ToString();
            var application = await a.Http.PostAsJsonAsync($"/api/v1/programmes/{programme}/applications", new { requestedCny = 50_000, purpose = Payload });
            Assert.Equal(HttpStatusCode.Created, application.StatusCode);
            Ids["application"] = (await ApiClient.ReadAsync(application)).GetProperty("id").GetGuid().ToString();

            // results mature enough to apply for the basic demonstration tier
            foreach (var modelId in new[] { "cmmm-selfcheck", "miit-sme-digital-level" })
            {
                var model = Factory.Services.GetRequiredService<ModelRegistry>().Latest(modelId)!;
                var sheet = (await a.StartSheetAsync(enterprise, model.Id)).GetProperty("id").GetGuid();
                Assert.Equal(HttpStatusCode.OK, (await a.SaveAsync(sheet, DemoAnswers.Generate(model, new Random(7), 0.97))).StatusCode);
                Assert.Equal(HttpStatusCode.Created, (await a.Http.PostAsync($"/api/v1/sheets/{sheet}/submit", null)).StatusCode);
            }
            var demonstration = await Demonstration.DemonstrationWorld.ApplyAsync(a, enterprise, "smartFactoryBasic", Payload);
            Ids["demonstration"] = demonstration.ToString();
            foreach (var commenter in new[] { a, ningbo })
                Assert.True((await commenter.Http.PostAsJsonAsync($"/api/v1/demonstration/applications/{demonstration}/comments", new { text = Payload })).IsSuccessStatusCode);

            Pages["A"] = await PageClient.SignedInAsync(Factory, emailA, ApiClient.Password);
            Pages["provider"] = await PageClient.SignedInAsync(Factory, providerEmail, ApiClient.Password);
            Pages["admin"] = await PageClient.SignedInAsync(Factory, ningboEmail, ApiClient.Password);
            Pages["operator"] = await PageClient.SignedInAsync(Factory, operatorEmail, ApiClient.Password);
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    [Theory]
    [InlineData("A", "/")]
    [InlineData("A", "/enterprise")]
    [InlineData("A", "/gateways")]
    [InlineData("A", "/gateways/{gateway}")]
    [InlineData("A", "/alerts/rules")]
    [InlineData("A", "/demands")]
    [InlineData("A", "/demands/{demand}")]
    [InlineData("A", "/programmes/applications/{application}")]
    [InlineData("A", "/demonstration/applications/{demonstration}")]
    [InlineData("provider", "/inbox")]
    [InlineData("provider", "/inbox/{demand}")]
    [InlineData("provider", "/pool/providers/{provider}")]
    [InlineData("provider", "/pool/solutions/{solution}")]
    [InlineData("admin", "/admin/enterprises")]
    [InlineData("admin", "/admin/demonstration")]
    [InlineData("admin", "/demonstration/applications/{demonstration}")]
    [InlineData("admin", "/programmes")]
    [InlineData("admin", "/programmes/{programme}")]
    [InlineData("admin", "/programmes/applications/{application}")]
    [InlineData("operator", "/admin/users")]
    [InlineData("operator", "/pool/providers")]
    [InlineData("operator", "/pool/solutions")]
    [InlineData("operator", "/pool/providers/{provider}/edit")]
    [InlineData("operator", "/pool/solutions/{solution}/edit")]
    public async Task Stored_payloads_are_shown_as_text_and_inject_nothing(string role, string template)
    {
        var path = template;
        foreach (var (key, value) in _w.Ids) path = path.Replace("{" + key + "}", value);
        var response = await _w.Pages[role].Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageClient.ParseAsync(response);

        // the payload is there, as text or as an attribute value (a form field), whole
        var shown = page.Body!.TextContent.Contains("<script>alert(1)</script>", StringComparison.Ordinal)
            || page.All.Any(e => e.Attributes.Any(a => a.Value.Contains("<script>alert(1)</script>", StringComparison.Ordinal)));
        Assert.True(shown, $"{path} does not show the stored payload");
        Assert.Contains("{{7*7}}", page.Body.TextContent + string.Concat(page.All.SelectMany(e => e.Attributes).Select(a => a.Value)));

        // and it made no element, handler or link
        var injected = page.QuerySelectorAll("script").Where(s => string.IsNullOrEmpty(s.GetAttribute("src")))
            .Concat(page.QuerySelectorAll("img[src=x]"))
            .Concat(page.All.Where(e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))))
            .Concat(page.All.Where(IsJavascriptLink))
            .Select(e => e.OuterHtml).ToList();
        Assert.True(injected.Count == 0, $"{path}: elements made from stored text:\n" + string.Join("\n", injected));
    }

    private static bool IsJavascriptLink(IElement e) =>
        new[] { "href", "src", "action", "formaction" }.Any(name => e.GetAttribute(name)?.Trim().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) == true);

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData(" JavaScript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    public async Task A_provider_website_that_is_not_an_http_address_is_refused(string website)
    {
        var op = await Users.WithRoleAsync(_w.Factory, PlatformRoles.PlatformAdmin);
        var response = await op.Http.PostAsJsonAsync("/api/v1/pool/providers", new
        {
            name = "网址测试服务商", creditCode = Codes.NewCreditCode("330100"), regionCode = "330100", regionsServed = new[] { "330000" }, industries = new[] { "34" },
            scenarios = new[] { "equipment-monitoring" }, teamSize = 3, descriptionZh = "说明", descriptionEn = "About", website,
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("website", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
