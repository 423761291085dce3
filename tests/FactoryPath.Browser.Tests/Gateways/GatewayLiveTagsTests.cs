using System.Text;
using System.Text.Json;
using FactoryPath.Browser.Tests.Infrastructure;
using FactoryPath.Core.Enterprises;
using FactoryPath.Edge.Model;
using FactoryPath.Edge.Uplink.Contracts;
using FactoryPath.Web.Gateways;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MQTTnet;
using MQTTnet.Protocol;
using static Microsoft.Playwright.Assertions;

namespace FactoryPath.Browser.Tests.Gateways;

/// <summary>
/// An enterprise issues a gateway on the page; a gateway (a real MQTT client with those credentials) reports health;
/// the gateway page shows it online with its live tags, and a new value appears without reloading.
/// </summary>
[Collection(BrowserCollection.Name)]
public class GatewayLiveTagsTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Password = Journeys.Password;

    [Fact]
    public async Task A_reporting_gateway_shows_online_and_its_live_values_change_on_screen()
    {
        var page = await NewPageAsync("zh-CN");
        await Journeys.SignUpWithEnterpriseAsync(page, "浏览器网关测试机械有限公司");

        await page.GotoAsync("/gateways");
        await Expect(page.Locator("[data-testid=no-gateways]")).ToBeVisibleAsync();
        await page.FillAsync("#gatewayName", "注塑车间网关");
        await page.ClickAsync("[data-testid=issue-form] button[type=submit]");
        await Expect(page.Locator("[data-testid=issued]")).ToBeVisibleAsync();
        var id = (await page.Locator("[data-testid=issued-id]").InnerTextAsync()).Trim();
        var secret = (await page.Locator("[data-testid=issued-secret]").InnerTextAsync()).Trim();
        await ScreenshotAsync(page, "issued-zh");

        var port = Fixture.Server.Services.GetRequiredService<BrokerEndpoint>().Port;
        using var gateway = new MqttClientFactory().CreateMqttClient();
        var connected = await gateway.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port).WithClientId(id).WithCredentials(id, secret).WithTimeout(TimeSpan.FromSeconds(30)).Build());
        Assert.Equal(MqttClientConnectResultCode.Success, connected.ResultCode);
        await PublishHealthAsync(gateway, id, 1, 10.5);

        await page.GotoAsync($"/gateways/{id}");
        await Expect(page.Locator("[data-testid=live-panel] [data-testid=status]")).ToHaveAttributeAsync("data-status", "online");
        var value = page.Locator("[data-testid=live-table] tr[data-tag='press-3.power'] [data-testid=value]");
        await Expect(value).ToContainTextAsync("10.5");
        // the panel refreshes itself once the page is interactive
        await Expect(page.Locator("[data-testid=live-panel]")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 30_000 });
        await ScreenshotAsync(page, "live-zh");

        await PublishHealthAsync(gateway, id, 2, 11.75);
        await Expect(value).ToContainTextAsync("11.75", new() { Timeout = 30_000 });
        await ScreenshotAsync(page, "live-changed-zh");
        await gateway.DisconnectAsync();
    }

    private static async Task PublishHealthAsync(IMqttClient client, string id, long sequence, double power)
    {
        var health = new GatewayHealthReport(DateTimeOffset.UtcNow.AddMinutes(-1), "1.0.0-browser",
            [new SourceHealth("press-3", "modbus-tcp", true, DateTimeOffset.UtcNow, 10 * sequence, 0, null)], 0,
            [new LiveTag("press-3.power", "demo/ningbo/moulding/line-1/press-3", TagRole.PowerKw, "kW", power, TagQuality.Good, DateTimeOffset.UtcNow)]);
        await Journeys.PublishHealthAsync(client, id, sequence, health);
    }
}
