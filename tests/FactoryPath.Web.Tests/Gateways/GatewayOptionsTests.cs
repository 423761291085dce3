using FactoryPath.Web.Gateways;
using Microsoft.AspNetCore.Hosting;

namespace FactoryPath.Web.Tests.Gateways;

public sealed class GatewayOptionsTests
{
    private static IReadOnlyList<string> Errors(GatewayOptions o) => new GatewayOptionsValidator().Validate(null, o).Failures?.ToList() ?? [];

    [Fact]
    public void The_defaults_are_valid() => Assert.Empty(Errors(new GatewayOptions()));

    [Theory]
    [InlineData(-1, "127.0.0.1", 30, "Port must be between 0")]
    [InlineData(70000, "127.0.0.1", 30, "Port must be between 0")]
    [InlineData(1883, "localhost", 30, "BindAddress must be an IP address")]
    [InlineData(1883, "127.0.0.1", 0, "OnlineSeconds must be between 1")]
    public void Bad_embedded_broker_settings_are_named(int port, string bind, int online, string message)
    {
        var errors = Errors(new GatewayOptions { Port = port, BindAddress = bind, OnlineSeconds = online });
        Assert.Contains(errors, e => e.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void An_external_broker_needs_a_host_a_port_and_both_or_neither_credentials()
    {
        var errors = Errors(new GatewayOptions { Broker = BrokerMode.External, External = new() { Host = null, Port = 0, UserName = "platform" } });
        Assert.Contains(errors, e => e.Contains("External:Host is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("External:Port must be between 1", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("given together", StringComparison.Ordinal));
        Assert.Empty(Errors(new GatewayOptions { Broker = BrokerMode.External, External = new() { Host = "mqtt.example.cn", Port = 8883, UseTls = true, UserName = "p", Password = "s" } }));
    }

    [Fact]
    public void The_platform_refuses_to_start_with_a_bad_setting()
    {
        using var factory = new PlatformFactory().WithWebHostBuilder(b => b.UseSetting("FactoryPath:Gateways:BindAddress", "not-an-ip"));
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("FactoryPath:Gateways:BindAddress must be an IP address", error.ToString());
    }
}
