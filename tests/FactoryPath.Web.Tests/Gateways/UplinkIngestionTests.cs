using System.Text;
using FactoryPath.Edge.Model;
using FactoryPath.Edge.Uplink.Contracts;
using FactoryPath.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Formatter;

namespace FactoryPath.Web.Tests.Gateways;

/// <summary>Uplink over a real MQTT connection to the platform's embedded broker, as an issued gateway sends it.</summary>
public sealed class UplinkIngestionTests : IClassFixture<UplinkIngestionTests.World>
{
    private readonly World _w;

    public UplinkIngestionTests(World world) => _w = world;

    public sealed class World : IAsyncLifetime
    {
        public PlatformFactory Factory { get; } = new();
        public ApiClient Owner { get; private set; } = default!;
        public int Port { get; private set; }

        public async Task InitializeAsync()
        {
            Owner = await ApiClient.RegisterAsync(Factory, Codes.Email("gw-owner"));
            await Owner.CreateEnterpriseAsync("网关测试机械有限公司", Codes.NewCreditCode());
            Port = TestGateway.BrokerPort(Factory);
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }

        public async Task<JsonElement> GatewayAsync(string id) => await ApiClient.ReadAsync(await Owner.Http.GetAsync($"/api/v1/gateways/{id}"));

        public async Task<int> StoredMessagesAsync(string id)
        {
            using var scope = Factory.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().UplinkMessages.CountAsync(m => m.GatewayId == id);
        }
    }

    [Theory]
    [InlineData(MqttProtocolVersion.V500)]
    [InlineData(MqttProtocolVersion.V311)]
    public async Task An_issued_gateway_connects_and_its_rollups_are_stored_once_even_when_sent_twice(MqttProtocolVersion version)
    {
        await using var gw = await TestGateway.IssueAsync(_w.Owner);
        Assert.Equal(MqttClientConnectResultCode.Success, await gw.ConnectAsync(_w.Port, version: version));
        var period = new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);
        var batch = TestGateway.Rollups(period, ("press-3.energy", TagRole.EnergyKwh, 1.5), ("press-3.good", TagRole.GoodCount, 12));

        var first = await gw.PublishAsync(UplinkKinds.Rollup, 1, batch);
        Assert.True(first.IsSuccess, first.ReasonCode.ToString());
        // the same sequence again, as after a lost PUBACK: acknowledged, not stored again
        var replay = await gw.PublishAsync(UplinkKinds.Rollup, 1, batch);
        Assert.True(replay.IsSuccess, replay.ReasonCode.ToString());

        // the broker stores before it acknowledges, so the data is there once the publish call returns
        var rollups = await ApiClient.ReadAsync(await _w.Owner.Http.GetAsync($"/api/v1/gateways/{gw.Id}/rollups"));
        Assert.Equal(2, rollups.GetProperty("total").GetInt32());
        var energy = rollups.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("tagId").GetString() == "press-3.energy");
        Assert.Equal(1.5, energy.GetProperty("increase").GetDouble());
        Assert.Equal("EnergyKwh", energy.GetProperty("role").GetString());
        Assert.Equal(period.UtcDateTime, energy.GetProperty("periodStart").GetDateTime().ToUniversalTime());
        Assert.Equal(1, await _w.StoredMessagesAsync(gw.Id));
        var gateway = await _w.GatewayAsync(gw.Id);
        Assert.Equal(1, gateway.GetProperty("messagesStored").GetInt64());
        Assert.Equal(1, gateway.GetProperty("duplicates").GetInt64());
        Assert.True(gw.IsConnected);
    }

    [Fact]
    public async Task Health_and_register_reports_become_the_live_view_and_the_gateway_shows_online()
    {
        await using var gw = await TestGateway.IssueAsync(_w.Owner);
        Assert.Equal(MqttClientConnectResultCode.Success, await gw.ConnectAsync(_w.Port));
        Assert.False((await _w.GatewayAsync(gw.Id)).GetProperty("online").GetBoolean());

        Assert.True((await gw.PublishAsync(UplinkKinds.Register, 1, TestGateway.Register())).IsSuccess);
        Assert.True((await gw.PublishAsync(UplinkKinds.Health, 2, TestGateway.Health(("press-3.power", TagRole.PowerKw, 42.5)))).IsSuccess);
        // an older health report arriving late does not replace the newer one
        Assert.True((await gw.PublishAsync(UplinkKinds.Health, 0, TestGateway.Health(("press-3.power", TagRole.PowerKw, 1)))).IsSuccess);

        var live = await ApiClient.ReadAsync(await _w.Owner.Http.GetAsync($"/api/v1/gateways/{gw.Id}/live"));
        Assert.True(live.GetProperty("online").GetBoolean());
        var tag = Assert.Single(live.GetProperty("tags").EnumerateArray());
        Assert.Equal(42.5, tag.GetProperty("value").GetDouble());
        Assert.Equal("powerKw", tag.GetProperty("role").GetString());
        Assert.Equal("press-3", live.GetProperty("sources")[0].GetProperty("name").GetString());
        Assert.Equal(3, live.GetProperty("register").GetProperty("total").GetInt32());
        Assert.Equal(2, live.GetProperty("register").GetProperty("digital").GetInt32());
        Assert.Equal(1, live.GetProperty("register").GetProperty("networked").GetInt32());
        var gateway = await _w.GatewayAsync(gw.Id);
        Assert.True(gateway.GetProperty("online").GetBoolean());
        Assert.Equal("1.0.0-test", gateway.GetProperty("version").GetString());
    }

    [Fact]
    public async Task A_wrong_password_an_unknown_gateway_and_a_revoked_gateway_are_refused()
    {
        await using var gw = await TestGateway.IssueAsync(_w.Owner);
        Assert.NotEqual(MqttClientConnectResultCode.Success, await gw.ConnectAsync(_w.Port, password: gw.Secret + "x"));
        Assert.False(gw.IsConnected);

        await using var stranger = new TestGateway("gw-doesnotexist", gw.Secret);
        Assert.NotEqual(MqttClientConnectResultCode.Success, await stranger.ConnectAsync(_w.Port));

        Assert.Equal(MqttClientConnectResultCode.Success, await gw.ConnectAsync(_w.Port));
        Assert.Equal(HttpStatusCode.OK, (await _w.Owner.Http.PostAsync($"/api/v1/gateways/{gw.Id}/revoke", null)).StatusCode);
        await Eventually.TrueAsync(() => Task.FromResult(!gw.IsConnected), "the revoked gateway is disconnected");
        Assert.NotEqual(MqttClientConnectResultCode.Success, await gw.ConnectAsync(_w.Port));
        var gateway = await _w.GatewayAsync(gw.Id);
        Assert.True(gateway.GetProperty("revoked").GetBoolean());
        Assert.False(gateway.GetProperty("online").GetBoolean());
    }

    [Fact]
    public async Task Publishing_under_another_gateways_topic_is_refused_and_counted()
    {
        await using var a = await TestGateway.IssueAsync(_w.Owner, "甲");
        await using var b = await TestGateway.IssueAsync(_w.Owner, "乙");
        Assert.Equal(MqttClientConnectResultCode.Success, await a.ConnectAsync(_w.Port));

        var refused = false;
        try
        {
            var result = await a.PublishAsync(UplinkKinds.Health, 1, TestGateway.Health(), topicGateway: b.Id, envelopeGateway: b.Id);
            refused = !result.IsSuccess;
        }
        catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or InvalidOperationException)
        {
            refused = true; // the broker closed the connection instead of acknowledging (MQTT 3.1.1 §3.3.5)
        }
        Assert.True(refused);
        await Eventually.TrueAsync(() => Task.FromResult(!a.IsConnected), "the offending gateway is disconnected");
        Assert.Equal(0, await _w.StoredMessagesAsync(b.Id));
        await Eventually.TrueAsync(async () => (await _w.GatewayAsync(a.Id)).GetProperty("rejected").GetInt64() == 1, "the refusal is counted on the sender");
        Assert.Equal(0, (await _w.GatewayAsync(b.Id)).GetProperty("rejected").GetInt64());
    }

    [Fact]
    public async Task A_gateway_cannot_take_over_another_gateways_connection_by_its_client_id()
    {
        await using var a = await TestGateway.IssueAsync(_w.Owner, "甲");
        await using var b = await TestGateway.IssueAsync(_w.Owner, "乙");
        Assert.Equal(MqttClientConnectResultCode.Success, await a.ConnectAsync(_w.Port, clientId: "press-line-1"));
        Assert.NotEqual(MqttClientConnectResultCode.Success, await b.ConnectAsync(_w.Port, clientId: "press-line-1"));
        Assert.True(a.IsConnected);
        Assert.True((await a.PublishAsync(UplinkKinds.Health, 1, TestGateway.Health())).IsSuccess);
    }

    [Fact]
    public async Task A_gateway_may_not_subscribe_outside_its_own_topics()
    {
        await using var gw = await TestGateway.IssueAsync(_w.Owner);
        Assert.Equal(MqttClientConnectResultCode.Success, await gw.ConnectAsync(_w.Port));
        var everything = await gw.SubscribeAsync(UplinkTopics.All);
        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, Assert.Single(everything.Items).ResultCode);
        var own = await gw.SubscribeAsync(UplinkTopics.Prefix + gw.Id + "/#");
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, Assert.Single(own.Items).ResultCode);
    }

    public static TheoryData<string, string> MalformedBodies => new()
    {
        { "bad json", "{not json" },
        { "json null", "null" },
        { "missing sequence and kind", """{"gatewayId":"{id}","createdAt":"2026-11-24T08:00:00Z","payload":{}}""" },
        { "unknown kind", """{"gatewayId":"{id}","sequence":7,"kind":"telemetry","createdAt":"2026-11-24T08:00:00Z","payload":{}}""" },
        { "envelope names another gateway", """{"gatewayId":"gw-someoneelse","sequence":7,"kind":"health","createdAt":"2026-11-24T08:00:00Z","payload":{}}""" },
        { "unknown role", """{"gatewayId":"{id}","sequence":7,"kind":"rollup","createdAt":"2026-11-24T08:00:00Z","payload":{"resolution":"1m","items":[{"tagId":"t","assetPath":"a/b/c/d/e","role":"warpDrive","periodStart":"2026-11-24T08:00:00Z","count":1,"badCount":0}]}}""" },
        { "bad asset path", """{"gatewayId":"{id}","sequence":7,"kind":"rollup","createdAt":"2026-11-24T08:00:00Z","payload":{"resolution":"1m","items":[{"tagId":"t","assetPath":"a/b","role":"speed","periodStart":"2026-11-24T08:00:00Z","count":1,"badCount":0}]}}""" },
        { "health without tags", """{"gatewayId":"{id}","sequence":7,"kind":"health","createdAt":"2026-11-24T08:00:00Z","payload":{"startedAt":"2026-11-24T08:00:00Z","version":"1","sources":[]}}""" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task A_malformed_message_is_counted_acknowledged_and_the_connection_carries_on(string what, string body)
    {
        await using var gw = await TestGateway.IssueAsync(_w.Owner, what);
        Assert.Equal(MqttClientConnectResultCode.Success, await gw.ConnectAsync(_w.Port));
        var kind = body.Contains("\"rollup\"", StringComparison.Ordinal) ? UplinkKinds.Rollup : UplinkKinds.Health;
        var result = await gw.PublishRawAsync(UplinkTopics.For(gw.Id, kind), Encoding.UTF8.GetBytes(body.Replace("{id}", gw.Id)));
        Assert.True(result.IsSuccess, result.ReasonCode.ToString());

        var gateway = await _w.GatewayAsync(gw.Id);
        Assert.Equal(1, gateway.GetProperty("malformed").GetInt64());
        Assert.False(string.IsNullOrEmpty(gateway.GetProperty("lastError").GetString()));
        Assert.Equal(0, await _w.StoredMessagesAsync(gw.Id));

        // still connected, and the next good message is stored
        Assert.True(gw.IsConnected);
        Assert.True((await gw.PublishAsync(UplinkKinds.Health, 8, TestGateway.Health())).IsSuccess);
        Assert.Equal(1, await _w.StoredMessagesAsync(gw.Id));
    }
}
