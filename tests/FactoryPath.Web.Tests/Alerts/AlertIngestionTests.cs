using FactoryPath.Edge.Model;
using FactoryPath.Edge.Uplink.Contracts;
using FactoryPath.Web.Tests.Gateways;
using MQTTnet;

namespace FactoryPath.Web.Tests.Alerts;

/// <summary>
/// Alerts from the real ingestion path: a gateway with issued credentials publishes health reports through the embedded
/// broker; a "down for 3 s" rule raises an alert from the sample times, the owner acknowledges it, and a running state
/// clears it. The evaluation state survives a restart of the platform.
/// </summary>
public sealed class AlertIngestionTests
{
    private const string Press = "acme/ningbo/moulding/line-1/press-3";
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(3);

    private static GatewayHealthReport Health(double state, DateTimeOffset sampledAt, TagQuality quality = TagQuality.Good) =>
        new(DateTimeOffset.UtcNow.AddMinutes(-5), "1.0.0-test", [new SourceHealth("press-3", "modbus-tcp", true, DateTimeOffset.UtcNow, 10, 0, null)], 0,
        [
            new LiveTag("press-3.state", Press, TagRole.State, null, state, quality, sampledAt),
            new LiveTag("press-3.power", Press, TagRole.PowerKw, "kW", 44, TagQuality.Good, sampledAt),
        ]);

    private static async Task<ApiClient> OwnerAsync(PlatformFactory factory, string email)
    {
        var owner = await ApiClient.RegisterAsync(factory, email);
        owner.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        await owner.CreateEnterpriseAsync("告警接入测试企业", Codes.NewCreditCode());
        return owner;
    }

    private static async Task<Guid> DownRuleAsync(ApiClient owner)
    {
        var response = await owner.Http.PostAsJsonAsync("/api/v1/alert-rules", new
        {
            name = "压机停机 3 秒",
            target = "tag",
            role = "state",
            scope = "prefix",
            assetPath = "acme/ningbo",
            @operator = "equalTo",
            threshold = 3,
            durationSeconds = (int)Duration.TotalSeconds,
            severity = "critical",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await ApiClient.ReadAsync(response)).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement[]> AlertsAsync(ApiClient owner, string state) =>
        (await ApiClient.ReadAsync(await owner.Http.GetAsync($"/api/v1/alerts?state={state}"))).GetProperty("items").EnumerateArray().ToArray();

    [Fact]
    public async Task A_machine_down_for_the_rule_duration_raises_an_alert_that_is_acknowledged_and_then_clears()
    {
        using var factory = new PlatformFactory();
        var email = Codes.Email("alert-ingest");
        var owner = await OwnerAsync(factory, email);
        var ruleId = await DownRuleAsync(owner);
        await using var gateway = await TestGateway.IssueAsync(owner);
        Assert.Equal(MqttClientConnectResultCode.Success, await gateway.ConnectAsync(TestGateway.BrokerPort(factory)));

        // the press goes down now and stays down; the gateway repeats that sample in a report every 300 ms
        var downAt = DateTimeOffset.UtcNow;
        var sequence = 0L;
        JsonElement[] active = [];
        await Eventually.TrueAsync(async () =>
        {
            Assert.True((await gateway.PublishAsync(UplinkKinds.Health, ++sequence, Health(3, downAt))).IsSuccess);
            active = await AlertsAsync(owner, "active");
            if (active.Length > 0) return true;
            await Task.Delay(300);
            return false;
        }, "the down rule raises an alert", 60);

        var alert = Assert.Single(active);
        Assert.Equal(ruleId, alert.GetProperty("ruleId").GetGuid());
        Assert.Equal("压机停机 3 秒", alert.GetProperty("ruleName").GetString());
        Assert.Equal(Press, alert.GetProperty("subject").GetString());
        Assert.Equal(gateway.Id, alert.GetProperty("gatewayId").GetString());
        Assert.Equal("critical", alert.GetProperty("severity").GetString());
        Assert.Equal(3, alert.GetProperty("raisedValue").GetDouble());
        var since = alert.GetProperty("since").GetDateTime();
        var raisedAt = alert.GetProperty("raisedAt").GetDateTime();
        Assert.True(Math.Abs((since - downAt.UtcDateTime).TotalMilliseconds) < 1, $"the condition starts at the sample time {downAt:O}, not at {since:O}");
        Assert.True(raisedAt - since >= Duration, $"raised {raisedAt - since} after the condition began: before the rule's duration");
        var badge = await PageClient.SignedInAsync(factory, email, ApiClient.Password);
        Assert.Equal("1", (await badge.GetDocumentAsync("/alerts")).QuerySelector("[data-testid=alert-badge]")?.TextContent);

        var id = alert.GetProperty("id").GetInt64();
        var ack = await owner.Http.PostAsJsonAsync($"/api/v1/alerts/{id}/acknowledge", new { comment = "维修已到场" });
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Equal("维修已到场", (await ApiClient.ReadAsync(ack)).GetProperty("comment").GetString());

        // more down reports do not raise a second alert for the same rule and machine
        Assert.True((await gateway.PublishAsync(UplinkKinds.Health, ++sequence, Health(3, downAt))).IsSuccess);
        // bad quality neither clears nor raises
        Assert.True((await gateway.PublishAsync(UplinkKinds.Health, ++sequence, Health(1, DateTimeOffset.UtcNow, TagQuality.Bad))).IsSuccess);
        var runningAt = DateTimeOffset.UtcNow;
        Assert.True((await gateway.PublishAsync(UplinkKinds.Health, ++sequence, Health(1, runningAt))).IsSuccess);
        JsonElement[] history = [];
        await Eventually.TrueAsync(async () => (history = await AlertsAsync(owner, "history")).Length > 0, "the running state clears the alert");

        var cleared = Assert.Single(history);
        Assert.Equal(id, cleared.GetProperty("id").GetInt64());
        Assert.Equal("cleared", cleared.GetProperty("end").GetString());
        Assert.True(Math.Abs((cleared.GetProperty("clearedAt").GetDateTime() - runningAt.UtcDateTime).TotalMilliseconds) < 1);
        Assert.Equal("维修已到场", cleared.GetProperty("comment").GetString());
        Assert.Empty(await AlertsAsync(owner, "active"));
    }

    [Fact]
    public async Task A_condition_pending_before_a_restart_fires_after_it_from_the_original_start()
    {
        var dir = Path.Combine(Path.GetTempPath(), "factorypath-tests", Guid.NewGuid().ToString("N"));
        var email = Codes.Email("alert-restart");
        var downAt = DateTimeOffset.UtcNow;
        try
        {
            string id, secret;
            Guid ruleId;
            using (var first = new PlatformFactory(dir))
            {
                var owner = await OwnerAsync(first, email);
                // a long duration: pending, not raised, when the platform stops
                var rule = await owner.Http.PostAsJsonAsync("/api/v1/alert-rules", new
                {
                    name = "停机 1 小时",
                    target = "tag",
                    role = "state",
                    scope = "machine",
                    assetPath = Press,
                    @operator = "equalTo",
                    threshold = 3,
                    durationSeconds = 3600,
                    severity = "warning",
                });
                Assert.Equal(HttpStatusCode.Created, rule.StatusCode);
                ruleId = (await ApiClient.ReadAsync(rule)).GetProperty("id").GetGuid();
                await using var gateway = await TestGateway.IssueAsync(owner);
                (id, secret) = (gateway.Id, gateway.Secret);
                Assert.Equal(MqttClientConnectResultCode.Success, await gateway.ConnectAsync(TestGateway.BrokerPort(first)));
                Assert.True((await gateway.PublishAsync(UplinkKinds.Health, 1, Health(3, downAt))).IsSuccess);
                var engine = first.Services.GetService(typeof(FactoryPath.Web.Alerts.AlertEngine)) as FactoryPath.Web.Alerts.AlertEngine;
                await Eventually.TrueAsync(() => Task.FromResult(engine!.Processed > 0), "the report is evaluated");
                Assert.Empty(await AlertsAsync(owner, "all"));
            }

            using var second = new PlatformFactory(dir);
            var again = await ApiClient.SignInAsync(second, email, ApiClient.Password);
            again.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
            await using var same = new TestGateway(id, secret);
            Assert.Equal(MqttClientConnectResultCode.Success, await same.ConnectAsync(TestGateway.BrokerPort(second)));
            // the gateway's report an hour after the press went down (its clock; the sample is the same one)
            var late = UplinkEnvelope.Create(id, 2, UplinkKinds.Health, downAt.AddHours(1), Health(3, downAt));
            Assert.True((await same.PublishRawAsync(UplinkTopics.For(id, UplinkKinds.Health), JsonSerializer.SerializeToUtf8Bytes(late, UplinkJson.Options))).IsSuccess);

            JsonElement[] active = [];
            // the starting rule "down for more than 10 minutes" fires as well; this test follows the one-hour rule
            await Eventually.TrueAsync(async () => (active = await AlertsAsync(again, "active")).Any(a => a.GetProperty("ruleId").GetGuid() == ruleId),
                "the pending condition fires after the restart");
            var alert = Assert.Single(active, a => a.GetProperty("ruleId").GetGuid() == ruleId);
            Assert.True(Math.Abs((alert.GetProperty("since").GetDateTime() - downAt.UtcDateTime).TotalMilliseconds) < 1);
            Assert.True(Math.Abs((alert.GetProperty("raisedAt").GetDateTime() - downAt.AddHours(1).UtcDateTime).TotalMilliseconds) < 1);
        }
        finally
        {
            PlatformFactory.TryDelete(dir);
        }
    }
}
