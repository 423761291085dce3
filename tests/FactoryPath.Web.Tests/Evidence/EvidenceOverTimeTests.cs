using FactoryPath.Core.Assessment;
using FactoryPath.Edge.Model;
using FactoryPath.Edge.Uplink.Contracts;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Assessment;
using FactoryPath.Web.Assessment.Evidence;
using FactoryPath.Web.Demo;
using FactoryPath.Web.Persistence;
using FactoryPath.Web.Tests.Gateways;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;

namespace FactoryPath.Web.Tests.Evidence;

/// <summary>
/// Live data that changes while a sheet is open: answers that follow it take the newest value at submission, overrides
/// keep theirs; the questionnaire's autosave keeps the stored answer of a question whose new value lacks its reason.
/// Each test has an enterprise and gateway of its own.
/// </summary>
public sealed class EvidenceOverTimeTests : IClassFixture<EvidenceOverTimeTests.World>
{
    private readonly World _w;

    public EvidenceOverTimeTests(World world) => _w = world;

    public sealed class World : IDisposable
    {
        public PlatformFactory Factory { get; } = new();

        public void Dispose() => Factory.Dispose();
    }

    private static EquipmentRegisterReport Machines(int total, int networked) => new(
        Enumerable.Range(1, total).Select(i => new RegisteredEquipment($"acme/ningbo/moulding/line-1/m{i}", $"m{i}", "press", true, i <= networked)).ToList());

    private async Task<(ApiClient Owner, Guid Enterprise, TestGateway Gateway)> EnterpriseWithGatewayAsync(EquipmentRegisterReport register)
    {
        var owner = await ApiClient.RegisterAsync(_w.Factory, Codes.Email("over-time"));
        var enterprise = (await owner.CreateEnterpriseAsync("随时间变化的企业", Codes.NewCreditCode())).GetProperty("id").GetGuid();
        var gateway = await TestGateway.IssueAsync(owner);
        Assert.Equal(MqttClientConnectResultCode.Success, await gateway.ConnectAsync(TestGateway.BrokerPort(_w.Factory)));
        await SendRegisterAsync(owner, enterprise, gateway, 1, register);
        return (owner, enterprise, gateway);
    }

    private static async Task SendRegisterAsync(ApiClient owner, Guid enterprise, TestGateway gateway, long sequence, EquipmentRegisterReport register)
    {
        Assert.True((await gateway.PublishAsync(UplinkKinds.Register, sequence, register)).IsSuccess);
        await Eventually.TrueAsync(async () =>
        {
            var body = await ApiClient.ReadAsync(await owner.Http.GetAsync($"/api/v1/enterprises/{enterprise}/evidence"));
            return body.GetProperty("equipment") is { ValueKind: JsonValueKind.Object } e && e.GetProperty("total").GetInt32() == register.Total;
        }, "the register is stored");
    }

    private static Dictionary<string, decimal> Values(params (string Id, decimal Value)[] values) => values.ToDictionary(v => v.Id, v => v.Value);

    [Fact]
    public async Task At_submission_live_answers_take_the_newest_register_and_overrides_keep_their_value_and_reason()
    {
        var (owner, enterprise, gateway) = await EnterpriseWithGatewayAsync(Machines(10, 4));
        await using var connection = gateway;
        var model = _w.Factory.Services.GetRequiredService<ModelRegistry>().Latest("miit-sme-digital-level")!;
        var sheet = (await owner.StartSheetAsync(enterprise, model.Id)).GetProperty("id").GetGuid();
        var answers = DemoAnswers.Generate(model, new Random(7), 0.5)
            .With("equipment-digitization", new Answer { Values = Values(("total", 10), ("digital", 10)) })
            .With("equipment-networking", new Answer { Values = Values(("networked", 5)) });
        var save = await owner.Http.PutAsync($"/api/v1/sheets/{sheet}/answers",
            JsonContent.Create(new { answers = answers.Answers, reasons = new Dictionary<string, string> { ["equipment-networking"] = "一台新设备已联网，网关尚未配置" } }, options: ApiClient.Json));
        Assert.Equal(HttpStatusCode.OK, save.StatusCode);

        // two machines added to the register, one of them networked
        await SendRegisterAsync(owner, enterprise, gateway, 2, Machines(12, 5));
        var submitted = await owner.Http.PostAsync($"/api/v1/sheets/{sheet}/submit", null);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);

        var stored = await ApiClient.ReadAsync(await owner.Http.GetAsync($"/api/v1/sheets/{sheet}"));
        var final = stored.GetProperty("answers").GetProperty("answers");
        Assert.Equal(12, final.GetProperty("equipment-digitization").GetProperty("values").GetProperty("total").GetInt32());
        Assert.Equal(12, final.GetProperty("equipment-digitization").GetProperty("values").GetProperty("digital").GetInt32());
        Assert.Equal(5, final.GetProperty("equipment-networking").GetProperty("values").GetProperty("networked").GetInt32());
        var networking = stored.GetProperty("evidence").GetProperty("equipment-networking");
        // the override now equals the live value, so it is live: the reason is no longer needed
        Assert.Equal("live", networking.GetProperty("source").GetString());
        Assert.Equal("live", stored.GetProperty("evidence").GetProperty("equipment-digitization").GetProperty("source").GetString());
    }

    [Fact]
    public async Task An_override_whose_reason_is_still_needed_stays_an_override_at_submission()
    {
        var (owner, enterprise, gateway) = await EnterpriseWithGatewayAsync(Machines(10, 4));
        await using var connection = gateway;
        var model = _w.Factory.Services.GetRequiredService<ModelRegistry>().Latest("miit-sme-digital-level")!;
        var sheet = (await owner.StartSheetAsync(enterprise, model.Id)).GetProperty("id").GetGuid();
        var answers = DemoAnswers.Generate(model, new Random(8), 0.5)
            .With("equipment-digitization", new Answer { Values = Values(("total", 10), ("digital", 10)) })
            .With("equipment-networking", new Answer { Values = Values(("networked", 2)) });
        var save = await owner.Http.PutAsync($"/api/v1/sheets/{sheet}/answers",
            JsonContent.Create(new { answers = answers.Answers, reasons = new Dictionary<string, string> { ["equipment-networking"] = "两台设备只在调试时联网" } }, options: ApiClient.Json));
        Assert.Equal(HttpStatusCode.OK, save.StatusCode);
        await SendRegisterAsync(owner, enterprise, gateway, 2, Machines(10, 6));

        Assert.Equal(HttpStatusCode.Created, (await owner.Http.PostAsync($"/api/v1/sheets/{sheet}/submit", null)).StatusCode);
        var stored = await ApiClient.ReadAsync(await owner.Http.GetAsync($"/api/v1/sheets/{sheet}"));
        var networking = stored.GetProperty("evidence").GetProperty("equipment-networking");
        Assert.Equal("override", networking.GetProperty("source").GetString());
        Assert.Equal("两台设备只在调试时联网", networking.GetProperty("reason").GetString());
        Assert.Equal(2, networking.GetProperty("value").GetProperty("values").GetProperty("networked").GetInt32());
        Assert.Equal(6, networking.GetProperty("liveValue").GetProperty("values").GetProperty("networked").GetInt32());
    }

    [Fact]
    public async Task Autosave_keeps_the_stored_answer_of_an_override_without_reason_and_stores_the_rest()
    {
        var (owner, enterprise, gateway) = await EnterpriseWithGatewayAsync(Machines(8, 6));
        await using var connection = gateway;
        var sheet = (await owner.StartSheetAsync(enterprise, "miit-sme-digital-level")).GetProperty("id").GetGuid();
        using var scope = _w.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.EnterpriseId == enterprise);
        var viewer = new Viewer(user.Id, user.Email!, new HashSet<string> { PlatformRoles.EnterpriseUser }, enterprise, null);
        var service = scope.ServiceProvider.GetRequiredService<AssessmentService>();

        var stored = AssessmentService.AnswersOf(await db.AnswerSheets.AsNoTracking().FirstAsync(s => s.Id == sheet));
        var edited = stored
            .With("equipment-networking", new Answer { Values = Values(("networked", 3)) })
            .With("network", new Answer { Options = ["B"] });
        var errors = (await service.AutosaveAsync(viewer, sheet, edited)).Value!;

        var error = Assert.Single(errors);
        Assert.Equal(("equipment-networking", EvidenceStamp.ReasonField), (error.QuestionId, error.InputId));
        var after = await db.AnswerSheets.AsNoTracking().FirstAsync(s => s.Id == sheet);
        Assert.Equal(6m, AssessmentService.AnswersOf(after).Get("equipment-networking")!.Values!["networked"]);
        Assert.Equal(["B"], AssessmentService.AnswersOf(after).Get("network")!.Options!);
        Assert.Equal(EvidenceSource.Live, AnswerEvidence.Of(after)["equipment-networking"].Source);

        var withReason = await service.AutosaveAsync(viewer, sheet, edited, new Dictionary<string, string?> { ["equipment-networking"] = "三台在维修" });
        Assert.Empty(withReason.Value!);
        var overridden = await db.AnswerSheets.AsNoTracking().FirstAsync(s => s.Id == sheet);
        Assert.Equal(EvidenceSource.Override, AnswerEvidence.Of(overridden)["equipment-networking"].Source);
        Assert.Equal(3m, AssessmentService.AnswersOf(overridden).Get("equipment-networking")!.Values!["networked"]);
    }
}
