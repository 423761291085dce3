using FactoryPath.Core.Assessment;
using FactoryPath.Edge.Model;
using FactoryPath.Edge.Uplink.Contracts;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Tests.Gateways;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;

namespace FactoryPath.Web.Tests.Evidence;

/// <summary>
/// Live evidence end to end: a real gateway connection sends its register and health; the evidence endpoint, a new
/// answer sheet, saving an override and the result pages all carry it.
/// </summary>
public sealed class EvidenceApiTests : IClassFixture<EvidenceApiTests.World>
{
    private const string ModelId = "miit-sme-digital-level";
    private readonly World _w;

    public EvidenceApiTests(World world) => _w = world;

    public sealed class World : IAsyncLifetime
    {
        public PlatformFactory Factory { get; } = new();
        public ApiClient Owner { get; private set; } = default!;
        public string OwnerEmail { get; } = Codes.Email("evidence");
        public Guid Enterprise { get; private set; }
        public ApiClient Other { get; private set; } = default!;
        public Guid OtherEnterprise { get; private set; }

        public async Task InitializeAsync()
        {
            Owner = await ApiClient.RegisterAsync(Factory, OwnerEmail);
            Enterprise = (await Owner.CreateEnterpriseAsync("实时证据机械有限公司", Codes.NewCreditCode(), regionCode: "330212")).GetProperty("id").GetGuid();
            Other = await ApiClient.RegisterAsync(Factory, Codes.Email("evidence-other"));
            OtherEnterprise = (await Other.CreateEnterpriseAsync("没有网关的企业", Codes.NewCreditCode(), regionCode: "330212")).GetProperty("id").GetGuid();

            // press-3 networked (state + power tags), press-4 digital only, the crane neither: 3 / 2 / 1
            await using var gateway = await TestGateway.IssueAsync(Owner, "证据网关");
            Assert.Equal(MqttClientConnectResultCode.Success, await gateway.ConnectAsync(TestGateway.BrokerPort(Factory)));
            Assert.True((await gateway.PublishAsync(UplinkKinds.Register, 1, TestGateway.Register())).IsSuccess);
            Assert.True((await gateway.PublishAsync(UplinkKinds.Health, 2, TestGateway.Health(("press-3.state", TagRole.State, 1), ("press-3.power", TagRole.PowerKw, 12.5)))).IsSuccess);
            await Eventually.TrueAsync(async () => (await EvidenceAsync(Owner, Enterprise)).GetProperty("roles").GetArrayLength() == 2, "the register and health report are stored");
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    private static async Task<JsonElement> EvidenceAsync(ApiClient client, Guid enterprise)
    {
        var response = await client.Http.GetAsync($"/api/v1/enterprises/{enterprise}/evidence");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ApiClient.ReadAsync(response);
    }

    private static Task<HttpResponseMessage> SaveAsync(ApiClient client, Guid sheet, AnswerSheetData answers, Dictionary<string, string>? reasons)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/sheets/{sheet}/answers")
        {
            Content = JsonContent.Create(new { answers = answers.Answers, reasons }, options: ApiClient.Json),
        };
        request.Headers.AcceptLanguage.ParseAdd("en");
        return client.Http.SendAsync(request);
    }

    [Fact]
    public async Task The_evidence_sums_the_register_and_names_the_areas_with_automatic_capture()
    {
        var body = await EvidenceAsync(_w.Owner, _w.Enterprise);
        Assert.Equal("live", body.GetProperty("status").GetString());
        var equipment = body.GetProperty("equipment");
        Assert.Equal((3, 2, 1), (equipment.GetProperty("total").GetInt32(), equipment.GetProperty("digital").GetInt32(), equipment.GetProperty("networked").GetInt32()));
        Assert.Equal(33.33m, equipment.GetProperty("networkingRate").GetDecimal());
        Assert.Equal(66.67m, equipment.GetProperty("digitalRate").GetDecimal());
        Assert.Equal(["power_kw", "state"], body.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Order());

        var collection = body.GetProperty("answers").EnumerateArray().Single(a => a.GetProperty("questionId").GetString() == "data-collection");
        Assert.Equal(["G", "K"], collection.GetProperty("options").EnumerateArray().Select(o => o.GetString()));
    }

    [Fact]
    public async Task Without_a_gateway_the_evidence_says_so_and_gives_no_figures()
    {
        var body = await EvidenceAsync(_w.Other, _w.OtherEnterprise);
        Assert.Equal("noGateway", body.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("equipment").ValueKind);
        Assert.Equal(0, body.GetProperty("answers").GetArrayLength());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("message").GetString()));
    }

    [Theory]
    [InlineData(PlatformRoles.RegionalAdmin, "330000")]
    [InlineData(PlatformRoles.ServiceProvider, null)]
    public async Task Regional_admins_and_providers_do_not_see_machine_evidence(string role, string? region)
    {
        var other = await Users.WithRoleAsync(_w.Factory, role, region);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/api/v1/enterprises/{_w.Enterprise}/evidence")).StatusCode);
    }

    [Fact]
    public async Task The_operator_sees_the_evidence_and_another_enterprise_gets_404()
    {
        var op = await Users.WithRoleAsync(_w.Factory, PlatformRoles.PlatformAdmin);
        Assert.Equal("live", (await EvidenceAsync(op, _w.Enterprise)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _w.Other.Http.GetAsync($"/api/v1/enterprises/{_w.Enterprise}/evidence")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _w.Owner.Http.GetAsync($"/api/v1/enterprises/{Guid.NewGuid()}/evidence")).StatusCode);
    }

    [Fact]
    public async Task A_new_sheet_starts_with_the_live_answers_and_an_override_needs_a_reason_that_the_result_shows()
    {
        var started = await _w.Owner.StartSheetAsync(_w.Enterprise, ModelId);
        var sheet = started.GetProperty("id").GetGuid();
        var answers = started.GetProperty("answers").GetProperty("answers");
        Assert.Equal(1, answers.GetProperty("equipment-networking").GetProperty("values").GetProperty("networked").GetInt32());
        Assert.Equal(3, answers.GetProperty("equipment-digitization").GetProperty("values").GetProperty("total").GetInt32());
        Assert.Equal(["G", "K"], answers.GetProperty("data-collection").GetProperty("options").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal("live", started.GetProperty("evidence").GetProperty("equipment-networking").GetProperty("source").GetString());

        // the whole sheet with networked 2 instead of the live 1, and no reason: refused, nothing stored
        var model = _w.Factory.Services.GetRequiredService<ModelRegistry>().Latest(ModelId)!;
        var full = FactoryPath.Web.Demo.DemoAnswers.Generate(model, new Random(3), 0.5)
            .With("equipment-digitization", new Answer { Values = new Dictionary<string, decimal> { ["total"] = 3, ["digital"] = 2 } })
            .With("equipment-networking", new Answer { Values = new Dictionary<string, decimal> { ["networked"] = 2 } })
            .With("data-collection", new Answer { Options = ["G", "K"] });
        var refused = await SaveAsync(_w.Owner, sheet, full, null);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await ApiClient.ReadAsync(refused);
        var message = Assert.Single(problem.GetProperty("errors").EnumerateObject()).Value[0].GetString()!;
        Assert.Equal("equipment-networking.reason", problem.GetProperty("errors").EnumerateObject().Single().Name);
        Assert.Contains("differs from the live value", message);
        Assert.Contains("Networked production equipment 1 units", message);
        var unchanged = await ApiClient.ReadAsync(await _w.Owner.Http.GetAsync($"/api/v1/sheets/{sheet}"));
        Assert.Equal(1, unchanged.GetProperty("answers").GetProperty("answers").GetProperty("equipment-networking").GetProperty("values").GetProperty("networked").GetInt32());

        // with a reason: stored as an override that keeps the live value and the time it was measured
        var saved = await SaveAsync(_w.Owner, sheet, full, new() { ["equipment-networking"] = "行车下周接入网关" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var evidence = (await ApiClient.ReadAsync(saved)).GetProperty("evidence");
        var networking = evidence.GetProperty("equipment-networking");
        Assert.Equal("override", networking.GetProperty("source").GetString());
        Assert.Equal("行车下周接入网关", networking.GetProperty("reason").GetString());
        Assert.Equal(2, networking.GetProperty("value").GetProperty("values").GetProperty("networked").GetInt32());
        Assert.Equal(1, networking.GetProperty("liveValue").GetProperty("values").GetProperty("networked").GetInt32());
        Assert.True(networking.TryGetProperty("measuredAt", out _));
        Assert.Equal("live", evidence.GetProperty("equipment-digitization").GetProperty("source").GetString());

        var submitted = await _w.Owner.Http.PostAsync($"/api/v1/sheets/{sheet}/submit", null);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var result = (await ApiClient.ReadAsync(submitted)).GetProperty("summary").GetProperty("id").GetGuid();

        var page = await PageClient.SignedInAsync(_w.Factory, _w.OwnerEmail, ApiClient.Password);
        var html = await page.GetDocumentAsync($"/results/{result}");
        var rows = html.QuerySelectorAll("[data-testid=evidence-sources] tr[data-question]").ToDictionary(r => r.GetAttribute("data-question")!, r => r);
        Assert.Equal("override", rows["equipment-networking"].GetAttribute("data-source"));
        Assert.Contains("行车下周接入网关", rows["equipment-networking"].QuerySelector("[data-testid=source]")!.TextContent);
        Assert.Equal("live", rows["equipment-digitization"].GetAttribute("data-source"));

        var report = await page.GetDocumentAsync($"/results/{result}/report");
        var source = report.QuerySelector("[data-testid=evidence-sources] tr[data-question=equipment-networking] [data-testid=source]")!.TextContent;
        Assert.Contains("已修改：行车下周接入网关", source);
        Assert.Contains("overridden: 行车下周接入网关 (live value Networked production equipment 1 units", source);
        Assert.Contains("from live data (measured at", report.QuerySelector("[data-testid=evidence-sources] tr[data-question=equipment-digitization] [data-testid=source]")!.TextContent);
    }

    [Fact]
    public async Task A_reason_for_a_question_without_live_data_is_a_validation_problem()
    {
        var sheet = (await _w.Owner.StartSheetAsync(_w.Enterprise, ModelId)).GetProperty("id").GetGuid();
        var response = await SaveAsync(_w.Owner, sheet, new AnswerSheetData(), new() { ["network"] = "because" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ApiClient.ReadAsync(response)).GetProperty("errors").TryGetProperty("network.reason", out _));
    }
}
