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
}
