using FactoryPath.Edge.Model;
using FactoryPath.Edge.Uplink.Contracts;
using MQTTnet;

namespace FactoryPath.Web.Tests.Gateways;

/// <summary>The gateway pages as an enterprise user sees them, in Chinese and English.</summary>
public sealed class GatewayPageTests : IClassFixture<GatewayPageTests.World>
{
    private readonly World _w;

    public GatewayPageTests(World world) => _w = world;

    public sealed class World : IAsyncLifetime
    {
        public PlatformFactory Factory { get; } = new();

        public Task InitializeAsync() => Task.CompletedTask;

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }

        /// <summary>A new enterprise user with its enterprise, signed in to the pages and to the API.</summary>
        public async Task<(PageClient Page, ApiClient Api)> EnterpriseAsync(string culture)
        {
            var email = Codes.Email("gwpage");
            var api = await ApiClient.RegisterAsync(Factory, email);
            await api.CreateEnterpriseAsync("页面网关企业", Codes.NewCreditCode());
            return (await PageClient.SignedInAsync(Factory, email, ApiClient.Password, culture), api);
        }
    }

    [Theory]
    [InlineData("zh-CN", "边缘网关", "还没有网关")]
    [InlineData("en", "Edge gateways", "No gateways yet")]
    public async Task An_enterprise_without_gateways_sees_the_empty_list_and_the_issue_form(string culture, string title, string empty)
    {
        var (page, _) = await _w.EnterpriseAsync(culture);
        var doc = await page.GetDocumentAsync("/gateways");
        Assert.Equal(title, doc.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains(empty, doc.QuerySelector("[data-testid=no-gateways]")!.TextContent);
        Assert.NotNull(doc.QuerySelector("[data-testid=issue-form]"));
    }

    [Theory]
    [InlineData("zh-CN", "只显示这一次")]
    [InlineData("en", "shown this once only")]
    public async Task Issuing_on_the_page_shows_the_credentials_once_and_they_connect(string culture, string onceNotice)
    {
        var (page, _) = await _w.EnterpriseAsync(culture);
        var response = await page.PostFormAsync("/gateways", "[data-testid=issue-form]", new() { ["Input.Name"] = "一号车间网关" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await PageClient.ParseAsync(response);
        Assert.Contains(onceNotice, doc.QuerySelector("[data-testid=issued] .alert")!.TextContent);
        var id = doc.QuerySelector("[data-testid=issued-id]")!.TextContent;
        var secret = doc.QuerySelector("[data-testid=issued-secret]")!.TextContent;
        var snippet = doc.QuerySelector("[data-testid=snippet]")!.TextContent;
        Assert.Contains($"id: {id}", snippet);
        Assert.Contains($"FACTORYPATH_GATEWAY_SECRET={secret}", snippet);
        Assert.Contains($"port: {TestGateway.BrokerPort(_w.Factory)}", snippet);
        Assert.Single(doc.QuerySelectorAll("[data-testid=gateway-table] tr[data-gateway]"));

        // the credentials work, and the secret is not shown again
        await using var gw = new TestGateway(id, secret);
        Assert.Equal(MqttClientConnectResultCode.Success, await gw.ConnectAsync(TestGateway.BrokerPort(_w.Factory)));
        var again = await page.Http.GetStringAsync("/gateways");
        Assert.DoesNotContain(secret, again);
        Assert.DoesNotContain(secret, await page.Http.GetStringAsync($"/gateways/{id}"));
    }

    [Fact]
    public async Task An_empty_name_is_refused_with_a_field_message()
    {
        var (page, _) = await _w.EnterpriseAsync("en");
        var response = await page.PostFormAsync("/gateways", "[data-testid=issue-form]", new() { ["Input.Name"] = " " });
        var doc = await PageClient.ParseAsync(response);
        Assert.Contains("Enter a gateway name", doc.QuerySelector(".field-error[data-field=name]")!.TextContent);
        Assert.Null(doc.QuerySelector("[data-testid=issued]"));
    }

    [Theory]
    [InlineData("zh-CN", "在线", "功率（kW）", "良好")]
    [InlineData("en", "Online", "Power (kW)", "Good")]
    public async Task The_detail_page_shows_status_sources_live_tags_register_and_rollups(string culture, string online, string role, string quality)
    {
        var (page, api) = await _w.EnterpriseAsync(culture);
        await using var gw = await TestGateway.IssueAsync(api, "注塑车间网关");
        Assert.Equal(MqttClientConnectResultCode.Success, await gw.ConnectAsync(TestGateway.BrokerPort(_w.Factory)));
        Assert.True((await gw.PublishAsync(UplinkKinds.Register, 1, TestGateway.Register())).IsSuccess);
        Assert.True((await gw.PublishAsync(UplinkKinds.Health, 2, TestGateway.Health(("press-3.power", TagRole.PowerKw, 37.25)))).IsSuccess);
        Assert.True((await gw.PublishAsync(UplinkKinds.Rollup, 3, TestGateway.Rollups(DateTimeOffset.UtcNow.AddMinutes(-3), ("press-3.energy", TagRole.EnergyKwh, 2.5)))).IsSuccess);

        var doc = await page.GetDocumentAsync($"/gateways/{gw.Id}");
        Assert.Equal("注塑车间网关", doc.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(online, doc.QuerySelector("[data-testid=live-panel] [data-testid=status]")!.TextContent.Trim());
        var row = doc.QuerySelector("[data-testid=live-table] tr[data-tag='press-3.power']")!;
        Assert.Contains("37.25", row.QuerySelector("[data-testid=value]")!.TextContent);
        Assert.Contains(role, row.TextContent);
        Assert.Equal(quality, row.QuerySelector("[data-testid=quality]")!.TextContent.Trim());
        Assert.NotNull(doc.QuerySelector("[data-testid=source-table] tr[data-source='press-3']"));
        Assert.Equal("3", doc.QuerySelector("[data-testid=register-total]")!.TextContent.Trim());
        Assert.Equal("1", doc.QuerySelector("[data-testid=register-networked]")!.TextContent.Trim());
        Assert.Contains("press-3.energy", doc.QuerySelector("[data-testid=rollup-table]")!.TextContent);

        // the enterprise page's machine-data panel lists the gateway and the last hour's energy
        var profile = await page.GetDocumentAsync("/enterprise");
        Assert.NotNull(profile.QuerySelector($"[data-testid=machine-data] li[data-gateway='{gw.Id}']"));
        Assert.Equal("2.5", profile.QuerySelector("[data-testid=machine-data] [data-testid=energy]")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("zh-CN", "还没有连接网关")]
    [InlineData("en", "No gateway connected yet")]
    public async Task The_enterprise_page_explains_how_to_connect_a_gateway_when_there_is_none(string culture, string text)
    {
        var (page, _) = await _w.EnterpriseAsync(culture);
        var profile = await page.GetDocumentAsync("/enterprise");
        Assert.Contains(text, profile.QuerySelector("[data-testid=machine-data-empty]")!.TextContent);
    }

    [Fact]
    public async Task Revoking_on_the_page_asks_first_then_disconnects_the_gateway()
    {
        var (page, api) = await _w.EnterpriseAsync("en");
        await using var gw = await TestGateway.IssueAsync(api, "to revoke");
        Assert.Equal(MqttClientConnectResultCode.Success, await gw.ConnectAsync(TestGateway.BrokerPort(_w.Factory)));

        var detail = await page.GetDocumentAsync($"/gateways/{gw.Id}");
        Assert.Null(detail.QuerySelector("[data-testid=revoke-form]")); // the first click only asks
        Assert.Equal($"/gateways/{gw.Id}?confirm=1", detail.QuerySelector("[data-testid=revoke]")!.GetAttribute("href"));
        Assert.True(gw.IsConnected);

        var response = await page.PostFormAsync($"/gateways/{gw.Id}?confirm=1", "[data-testid=revoke-form]", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith($"/gateways/{gw.Id}?revoked=1", response.Headers.Location!.OriginalString);
        await Eventually.TrueAsync(() => Task.FromResult(!gw.IsConnected), "the revoked gateway is disconnected");
        var after = await page.GetDocumentAsync($"/gateways/{gw.Id}?revoked=1");
        Assert.NotNull(after.QuerySelector("[data-testid=revoked-notice]"));
        Assert.Equal("revoked", after.QuerySelector("[data-testid=status]")!.GetAttribute("data-status"));
        Assert.NotEqual(MqttClientConnectResultCode.Success, await gw.ConnectAsync(TestGateway.BrokerPort(_w.Factory)));
    }
}
