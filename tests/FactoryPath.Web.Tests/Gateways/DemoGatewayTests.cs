using FactoryPath.Web.Demo;
using FactoryPath.Web.Platform;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MQTTnet;

namespace FactoryPath.Web.Tests.Gateways;

public sealed class DemoGatewayTests
{
    [Fact]
    public async Task The_demo_enterprise_has_a_gateway_that_connects_with_the_demo_password()
    {
        using var factory = new PlatformFactory(seedDemo: true);
        var password = factory.Services.GetRequiredService<IOptions<PlatformOptions>>().Value.DemoPassword;
        var owner = await ApiClient.SignInAsync(factory, DemoAccounts.Enterprise.Email, password);
        var list = await ApiClient.ReadAsync(await owner.Http.GetAsync("/api/v1/gateways"));
        var gateway = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(DemoGateway.Id, gateway.GetProperty("id").GetString());

        await using var client = new TestGateway(DemoGateway.Id, password);
        Assert.Equal(MqttClientConnectResultCode.Success, await client.ConnectAsync(TestGateway.BrokerPort(factory)));
    }

    /// <summary>
    /// The one-command demo's factory floor end to end: simulated machines over Modbus TCP, the gateway in-process, its
    /// uplink to the embedded broker, stored by the platform: the live tags and a minute of rollups reach the API.
    /// </summary>
    [Fact]
    public async Task The_demo_factory_floor_sends_live_tags_and_minute_rollups_to_the_platform()
    {
        using var factory = new PlatformFactory(seedDemo: true, demoGateway: true);
        var password = factory.Services.GetRequiredService<IOptions<PlatformOptions>>().Value.DemoPassword;
        var owner = await ApiClient.SignInAsync(factory, DemoAccounts.Enterprise.Email, password);

        var live = await Eventually(async () =>
        {
            var body = await ApiClient.ReadAsync(await owner.Http.GetAsync($"/api/v1/gateways/{DemoGateway.Id}/live"));
            var good = body.GetProperty("tags").EnumerateArray().Count(t => t.GetProperty("quality").GetString() == "good");
            return body.GetProperty("online").GetBoolean() && good > 30 ? body : (System.Text.Json.JsonElement?)null;
        }, TimeSpan.FromSeconds(60));
        Assert.Contains(live.GetProperty("tags").EnumerateArray(), t => t.GetProperty("tagId").GetString() == "press-1.good_count"
            && t.GetProperty("assetPath").GetString() == "demo/ningbo/moulding/line-1/press-1");
        Assert.Equal(4, live.GetProperty("register").GetProperty("networked").GetInt32());
        Assert.Equal(5, live.GetProperty("register").GetProperty("total").GetInt32());

        // the first closed minute is rolled up, journalled, published and stored (at most two minutes of waiting)
        var rollups = await Eventually(async () =>
        {
            var body = await ApiClient.ReadAsync(await owner.Http.GetAsync($"/api/v1/gateways/{DemoGateway.Id}/rollups?tagId=meter-1.power&pageSize=10"));
            return body.GetProperty("items").GetArrayLength() > 0 ? body : (System.Text.Json.JsonElement?)null;
        }, TimeSpan.FromSeconds(150));
        var first = rollups.GetProperty("items")[0];
        Assert.True(first.GetProperty("count").GetInt64() > 0);
        Assert.InRange(first.GetProperty("mean").GetDouble(), 1, 500);
    }

    private static async Task<System.Text.Json.JsonElement> Eventually(Func<Task<System.Text.Json.JsonElement?>> probe, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            if (await probe() is { } found) return found;
            Assert.True(DateTime.UtcNow < deadline, $"not within {limit.TotalSeconds:0} s");
            await Task.Delay(500);
        }
    }
}
