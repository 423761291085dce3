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

namespace FactoryPath.Browser.Tests.Alerts;

/// <summary>
/// An enterprise adds a "down for 2 s" rule on the rule form, its gateway (a real MQTT client with issued credentials)
/// reports a press down, the alert appears on the Alerts page with the badge in the navigation, and is acknowledged
/// there with a comment — in Chinese and in English.
/// </summary>
[Collection(BrowserCollection.Name)]
public class AlertAcknowledgeTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Password = Journeys.Password;

    [Theory]
    [InlineData("zh-CN", "告警", "压机停机 2 秒", "确认", "维修已到场")]
    [InlineData("en", "Alerts", "Press down for 2 s", "Acknowledge", "fitter on the way")]
    public async Task A_machine_down_alert_appears_on_the_alerts_page_and_is_acknowledged(string locale, string title, string ruleName, string ackLabel, string comment)
    {
        var page = await NewPageAsync(locale);
        await Journeys.SignUpWithEnterpriseAsync(page, locale == "en" ? "Browser Alerts Machinery Co." : "浏览器告警测试机械有限公司");

        await page.GotoAsync("/gateways");
        await page.FillAsync("#gatewayName", "注塑车间网关");
        await page.ClickAsync("[data-testid=issue-form] button[type=submit]");
        await Expect(page.Locator("[data-testid=issued]")).ToBeVisibleAsync();
        var id = (await page.Locator("[data-testid=issued-id]").InnerTextAsync()).Trim();
        var secret = (await page.Locator("[data-testid=issued-secret]").InnerTextAsync()).Trim();

        // the rule, on the form: state is down (the form's defaults) for 2 s on every machine
        await page.GotoAsync("/alerts/rules/new");
        await page.FillAsync("#ruleName", ruleName);
        await page.FillAsync("#ruleDuration", "2");
        await page.ClickAsync("[data-testid=save-rule]");
        await page.WaitForURLAsync("**/alerts/rules?saved=1");
        await Expect(page.Locator("[data-testid=rule-table]")).ToContainTextAsync(ruleName);
        await ScreenshotAsync(page, $"rules-{locale}");

        var port = Fixture.Server.Services.GetRequiredService<BrokerEndpoint>().Port;
        using var gateway = new MqttClientFactory().CreateMqttClient();
        var connected = await gateway.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port).WithClientId(id).WithCredentials(id, secret).WithTimeout(TimeSpan.FromSeconds(30)).Build());
        Assert.Equal(MqttClientConnectResultCode.Success, connected.ResultCode);
        // the press went down 5 s ago by the gateway's sample; reported now
        await PublishDownAsync(gateway, id, 1, DateTimeOffset.UtcNow.AddSeconds(-5));

        var row = page.Locator("[data-testid=active-alerts] tr[data-alert]").Filter(new() { HasText = ruleName });
        var deadline = DateTime.UtcNow.AddSeconds(60);
        do
        {
            await page.GotoAsync("/alerts");
            if (await row.CountAsync() > 0) break;
            await Task.Delay(500);
        }
        while (DateTime.UtcNow < deadline);
        await Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("demo/ningbo/moulding/line-1/press-3");
        await Expect(page.Locator("[data-testid=alert-badge]")).ToHaveTextAsync("1");
        await ScreenshotAsync(page, $"alert-{locale}");

        await row.Locator("[data-testid=ack-comment]").FillAsync(comment);
        await Expect(row.Locator("[data-testid=ack]")).ToHaveTextAsync(ackLabel);
        await row.Locator("[data-testid=ack]").ClickAsync();
        await page.WaitForURLAsync("**/alerts?acked=1");
        await Expect(page.Locator("[data-testid=ack-done]")).ToBeVisibleAsync();
        await Expect(row.Locator("[data-testid=acknowledged]")).ToBeVisibleAsync();
        await Expect(row.Locator("[data-testid=ack-comment-text]")).ToHaveTextAsync(comment);
        await Expect(row.Locator("[data-testid=ack]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=alert-badge]")).ToHaveCountAsync(0);
        await ScreenshotAsync(page, $"acknowledged-{locale}");
        await gateway.DisconnectAsync();
    }

    private static async Task PublishDownAsync(IMqttClient client, string id, long sequence, DateTimeOffset sampledAt)
    {
        var health = new GatewayHealthReport(DateTimeOffset.UtcNow.AddMinutes(-1), "1.0.0-browser",
            [new SourceHealth("press-3", "modbus-tcp", true, DateTimeOffset.UtcNow, 10, 0, null)], 0,
            [new LiveTag("press-3.state", "demo/ningbo/moulding/line-1/press-3", TagRole.State, null, 3, TagQuality.Good, sampledAt)]);
        await Journeys.PublishHealthAsync(client, id, sequence, health);
    }
}
