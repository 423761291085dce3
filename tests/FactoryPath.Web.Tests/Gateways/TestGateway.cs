using System.Text;
using FactoryPath.Edge.Model;
using FactoryPath.Edge.Uplink.Contracts;
using FactoryPath.Web.Gateways;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Adapter;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace FactoryPath.Web.Tests.Gateways;

/// <summary>A gateway as the platform sees it on the wire: a real MQTT client that authenticates with issued credentials.</summary>
public sealed class TestGateway(string id, string secret) : IAsyncDisposable
{
    private IMqttClient? _client;

    public string Id { get; } = id;
    public string Secret { get; } = secret;
    public bool IsConnected => _client?.IsConnected == true;

    /// <summary>Issues a gateway for the enterprise of <paramref name="owner"/> through the API.</summary>
    public static async Task<TestGateway> IssueAsync(ApiClient owner, string name = "测试网关")
    {
        var response = await owner.Http.PostAsJsonAsync("/api/v1/gateways", new { name });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await ApiClient.ReadAsync(response);
        var connection = body.GetProperty("connection");
        return new TestGateway(connection.GetProperty("userName").GetString()!, connection.GetProperty("password").GetString()!);
    }

    public static int BrokerPort(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory)
    {
        var endpoint = factory.Services.GetRequiredService<BrokerEndpoint>();
        Assert.True(endpoint.Ready && endpoint.Port > 0, "the embedded broker is not listening");
        return endpoint.Port;
    }

    /// <summary>Connects; returns the CONNACK reason (Success or why it was refused).</summary>
    public async Task<MqttClientConnectResultCode> ConnectAsync(int port, string? password = null, MqttProtocolVersion version = MqttProtocolVersion.V500, string? clientId = null)
    {
        if (_client is not null) await DisconnectAsync();
        _client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId(clientId ?? Id + "-" + Guid.NewGuid().ToString("N")[..6])
            .WithCredentials(Id, password ?? Secret)
            .WithProtocolVersion(version)
            .WithTimeout(TimeSpan.FromSeconds(30))
            .Build();
        try
        {
            return (await _client.ConnectAsync(options)).ResultCode;
        }
        catch (MqttConnectingFailedException)
        {
            // MQTTnet 5 may raise the refusal instead of returning it; the CONNACK code is not kept on the exception
            return MqttClientConnectResultCode.UnspecifiedError;
        }
    }

    public async Task DisconnectAsync()
    {
        if (_client is { } client)
        {
            _client = null;
            if (client.IsConnected) await client.DisconnectAsync();
            client.Dispose();
        }
    }

    public Task<MqttClientPublishResult> PublishAsync(string kind, long sequence, object payload, string? topicGateway = null, string? envelopeGateway = null) =>
        PublishRawAsync(UplinkTopics.For(topicGateway ?? Id, kind), Envelope(envelopeGateway ?? Id, sequence, kind, payload));

    public async Task<MqttClientPublishResult> PublishRawAsync(string topic, byte[] body)
    {
        var message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(body).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await _client!.PublishAsync(message, timeout.Token);
    }

    public Task<MqttClientSubscribeResult> SubscribeAsync(string filter) =>
        _client!.SubscribeAsync(new MqttTopicFilterBuilder().WithTopic(filter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());

    public static byte[] Envelope(string gatewayId, long sequence, string kind, object payload) =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(UplinkEnvelope.Create(gatewayId, sequence, kind, DateTimeOffset.UtcNow, payload), UplinkJson.Options));

    public static RollupBatch Rollups(DateTimeOffset period, params (string Tag, TagRole Role, double Increase)[] tags) =>
        new("1m", tags.Select(t => new RollupRecord(t.Tag, "acme/ningbo/moulding/line-1/press-3", t.Role, period, 60, 0, t.Increase, t.Increase / 2, t.Increase, 0, t.Increase)).ToList());

    public static GatewayHealthReport Health(params (string Tag, TagRole Role, double Value)[] tags) =>
        new(DateTimeOffset.UtcNow.AddMinutes(-5), "1.0.0-test",
            [new SourceHealth("press-3", "modbus-tcp", true, DateTimeOffset.UtcNow, 120, 1, "timeout once")],
            0,
            tags.Select(t => new LiveTag(t.Tag, "acme/ningbo/moulding/line-1/press-3", t.Role, t.Role == TagRole.PowerKw ? "kW" : null, t.Value, TagQuality.Good, DateTimeOffset.UtcNow)).ToList());

    public static EquipmentRegisterReport Register() => new(
    [
        new RegisteredEquipment("acme/ningbo/moulding/line-1/press-3", "注塑机 3 号", "press", true, true),
        new RegisteredEquipment("acme/ningbo/moulding/line-1/press-4", "注塑机 4 号", "press", true, false),
        new RegisteredEquipment("acme/ningbo/moulding/line-1/crane", "行车", "crane", false, false),
    ]);

    public async ValueTask DisposeAsync() => await DisconnectAsync();
}

public static class Eventually
{
    /// <summary>Polls until the condition holds; generous, since CI machines are slow.</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"timed out after {seconds}s waiting until {what}");
            await Task.Delay(50);
        }
    }
}
