using System.Text;
using FactoryPath.Edge.Model;
using FactoryPath.Edge.Tests.Infrastructure;
using FactoryPath.Edge.Uplink.Contracts;
using FactoryPath.Web.Gateways;
using FactoryPath.Web.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Protocol;

namespace FactoryPath.Web.Tests.Gateways;

/// <summary>
/// With an external broker (a real Mosquitto) the platform subscribes as a client with a kept session: uplink is
/// stored once, and what gateways publish while the platform is down arrives when it is back.
/// </summary>
public sealed class ExternalBrokerTests
{
    private const string PlatformUser = "platform";
    private const string PlatformPassword = "platform-secret-1";
    private const string GatewayUser = "shopfloor";
    private const string GatewayPassword = "shopfloor-secret-1";

    [Fact]
    public async Task Uplink_through_an_external_broker_is_stored_once_and_survives_a_platform_restart()
    {
        // anonymous: how the external broker authenticates gateways is that broker's business, not what is tested here
        await using var mosquitto = await Mosquitto.StartNewAsync();
        var dir = Path.Combine(Path.GetTempPath(), "factorypath-tests", Guid.NewGuid().ToString("N"));
        var clientId = "fp-platform-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            string gatewayId;
            using var publisher = await ConnectGatewayAsync(mosquitto);
            using (var first = External(new PlatformFactory(dir), mosquitto, clientId))
            {
                var owner = new ApiClient(first.CreateClient());
                var email = Codes.Email("ext");
                Assert.Equal(HttpStatusCode.Created, (await owner.Http.PostAsJsonAsync("/api/v1/auth/register", new { displayName = "T", email, password = ApiClient.Password })).StatusCode);
                await owner.SignInAsync(email, ApiClient.Password);
                await owner.CreateEnterpriseAsync("外部代理测试企业", Codes.NewCreditCode());
                gatewayId = (await TestGateway.IssueAsync(owner)).Id;
                await Eventually.TrueAsync(() => Task.FromResult(first.Services.GetRequiredService<BrokerEndpoint>().Ready), "the platform subscribed at the external broker");

                await PublishAsync(publisher, gatewayId, 1);
                await PublishAsync(publisher, gatewayId, 1); // a replay
                await PublishAsync(publisher, "gw-unknown", 1); // not a gateway the platform issued
                await Eventually.TrueAsync(async () => (await GatewayAsync(first, gatewayId)).Duplicates == 1, "the replay is recognised");
                Assert.Equal([1L], await SequencesAsync(first, gatewayId));
            }

            // the platform is down: the broker keeps these for the platform's session
            await PublishAsync(publisher, gatewayId, 2);
            await PublishAsync(publisher, gatewayId, 3);

            using var second = External(new PlatformFactory(dir), mosquitto, clientId);
            _ = second.Services; // start
            await Eventually.TrueAsync(async () => (await SequencesAsync(second, gatewayId)).Count == 3, "the queued messages arrive after the restart", 60);
            Assert.Equal([1L, 2L, 3L], await SequencesAsync(second, gatewayId));
            Assert.Equal(3, (await GatewayAsync(second, gatewayId)).MessagesStored);
            using var scope = second.Services.CreateScope();
            Assert.False(await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Gateways.AnyAsync(g => g.Id == "gw-unknown"));
        }
        finally
        {
            PlatformFactory.TryDelete(dir);
        }
    }

    private static WebApplicationFactory<Program> External(PlatformFactory factory, Mosquitto broker, string clientId) => factory.WithWebHostBuilder(b =>
    {
        b.UseSetting("FactoryPath:Gateways:Broker", "External");
        b.UseSetting("FactoryPath:Gateways:External:Host", broker.Host);
        b.UseSetting("FactoryPath:Gateways:External:Port", broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        b.UseSetting("FactoryPath:Gateways:External:UserName", PlatformUser);
        b.UseSetting("FactoryPath:Gateways:External:Password", PlatformPassword);
        b.UseSetting("FactoryPath:Gateways:External:ClientId", clientId);
    });

    private static async Task<IMqttClient> ConnectGatewayAsync(Mosquitto broker)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var result = await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(broker.Host, broker.Port)
            .WithCredentials(GatewayUser, GatewayPassword).WithTimeout(TimeSpan.FromSeconds(30)).Build());
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        return client;
    }

    private static async Task PublishAsync(IMqttClient client, string gatewayId, long sequence)
    {
        var batch = TestGateway.Rollups(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero).AddMinutes(sequence), ("t", TagRole.GoodCount, sequence));
        var message = new MqttApplicationMessageBuilder().WithTopic(UplinkTopics.For(gatewayId, UplinkKinds.Rollup))
            .WithPayload(TestGateway.Envelope(gatewayId, sequence, UplinkKinds.Rollup, batch))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
        Assert.True((await client.PublishAsync(message)).IsSuccess);
    }

    private static async Task<List<long>> SequencesAsync(WebApplicationFactory<Program> factory, string gatewayId)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().UplinkMessages
            .Where(m => m.GatewayId == gatewayId).Select(m => m.Sequence).OrderBy(s => s).ToListAsync();
    }

    private static async Task<Gateway> GatewayAsync(WebApplicationFactory<Program> factory, string gatewayId)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Gateways.AsNoTracking().SingleAsync(g => g.Id == gatewayId);
    }
}
