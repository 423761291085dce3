using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FactoryPath.Browser.Tests.Infrastructure;
using FactoryPath.Edge.Uplink.Contracts;
using FactoryPath.Web.Demo;
using FactoryPath.Web.Gateways;
using FactoryPath.Web.Platform;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MQTTnet;
using MQTTnet.Protocol;
using static Microsoft.Playwright.Assertions;

namespace FactoryPath.Browser.Tests.Production;

/// <summary>
/// The production page of the demo enterprise while the in-process simulated factory runs: machine states and counters
/// come from the demo gateway's live tags and change on screen by themselves; OEE comes from KPI minutes that a second
/// gateway of the enterprise sends through the broker (worked by hand: 3 minutes each running 48 s of 60 s planned,
/// 8 good parts at 6 s ideal cycle: A = 0.8, P = 48/48 = 1, Q = 1, OEE = 80.0 %).
/// </summary>
[Collection(BrowserCollection.Name)]
public class ProductionLiveViewTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string TestPress = "demo/ningbo/moulding/line-9/press-9";

    [Theory]
    [InlineData("zh-CN", "生产看板", "停机")]
    [InlineData("en", "Production", "Down")]
    public async Task The_live_view_updates_while_the_simulator_runs_and_shows_oee_from_the_minutes(string locale, string title, string down)
    {
        await SendMinutesAsync();
        var page = await NewPageAsync(locale);
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", DemoAccounts.Enterprise.Email);
        await page.FillAsync("#password", new PlatformOptions().DemoPassword);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));

        await page.GotoAsync("/production");
        await Expect(page.Locator("h1")).ToContainTextAsync(title);
        await Expect(page.Locator("[data-testid=production-dashboard]")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 30_000 });
        // the simulated machines appear with a known state once the demo gateway's health arrives
        var press1 = page.Locator("[data-testid=machine][data-path='demo/ningbo/moulding/line-1/press-1']");
        await Expect(press1).ToHaveAttributeAsync("data-state", new System.Text.RegularExpressions.Regex("^(Running|Idle|Down|Changeover)$"), new() { Timeout = 60_000 });

        var test = page.Locator($"[data-testid=machine][data-path='{TestPress}']");
        await Expect(test.Locator("[data-testid=oee]")).ToContainTextAsync("80.0", new() { Timeout = 30_000 });
        await Expect(test.Locator("[data-testid=availability]")).ToContainTextAsync("80.0");
        await Expect(page.Locator("[data-testid=oee-chart]")).ToHaveAttributeAsync("data-chart", new System.Text.RegularExpressions.Regex("trend"));
        await ScreenshotAsync(page, $"production-{locale}");

        // power and counters of the simulated machines change every few seconds: the cards change without a reload
        var cards = page.Locator("[data-testid=live-view] [data-testid=machine]:not([data-path='" + TestPress + "'])");
        var before = string.Join("|", await cards.AllInnerTextsAsync());
        var deadline = DateTime.UtcNow.AddSeconds(60);
        string after;
        do
        {
            await page.WaitForTimeoutAsync(500);
            after = string.Join("|", await cards.AllInnerTextsAsync());
        }
        while (after == before && DateTime.UtcNow < deadline);
        Assert.NotEqual(before, after);
        Assert.Contains(down, await page.Locator("[data-testid=live-view] .legend").InnerTextAsync());
    }

    /// <summary>Issues a second gateway for the demo enterprise and sends three closed minutes of a test press through the broker.</summary>
    private async Task SendMinutesAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress };
        var token = await (await http.PostAsJsonAsync("/api/v1/auth/token", new { email = DemoAccounts.Enterprise.Email, password = new PlatformOptions().DemoPassword }))
            .Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        var issued = await http.PostAsJsonAsync("/api/v1/gateways", new { name = "KPI test gateway " + Guid.NewGuid().ToString("N")[..6] });
        Assert.True(issued.IsSuccessStatusCode, await issued.Content.ReadAsStringAsync());
        var connection = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("connection");
        var id = connection.GetProperty("userName").GetString()!;
        var endpoint = Fixture.Server.Services.GetRequiredService<BrokerEndpoint>();

        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", endpoint.Port).WithClientId(id + "-test")
            .WithCredentials(id, connection.GetProperty("password").GetString()).WithTimeout(TimeSpan.FromSeconds(30)).Build());
        var now = DateTimeOffset.UtcNow;
        var minute = new DateTimeOffset(now.UtcTicks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, TimeSpan.Zero);
        var minutes = Enumerable.Range(1, 3).Select(i => new KpiMinute(TestPress, minute.AddMinutes(-i), "早班", 60_000, 48_000, 12_000, 0, 0, 0,
            new Dictionary<int, long> { [1] = 12_000 }, 1, false, 8, 0, 0.4, 6)).ToList();
        var body = JsonSerializer.SerializeToUtf8Bytes(UplinkEnvelope.Create(id, 1, UplinkKinds.Kpi, now, new KpiBatch(minutes)), UplinkJson.Options);
        var sent = await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(UplinkTopics.For(id, UplinkKinds.Kpi)).WithPayload(body)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        Assert.True(sent.IsSuccess, sent.ReasonCode.ToString());
        await client.DisconnectAsync();
    }
}
