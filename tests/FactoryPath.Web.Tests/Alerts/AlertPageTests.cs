using FactoryPath.Web.Alerts;
using FactoryPath.Web.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace FactoryPath.Web.Tests.Alerts;

/// <summary>The Alerts pages rendered by the server: lists, the rule form's field errors, acknowledge, enable and delete.</summary>
public sealed class AlertPageTests : IClassFixture<AlertPageTests.World>
{
    private readonly World _w;

    public AlertPageTests(World world) => _w = world;

    public sealed class World : IAsyncLifetime
    {
        public PlatformFactory Factory { get; } = new();
        public string Email { get; } = Codes.Email("alert-page");
        public Guid Enterprise { get; private set; }
        public string GatewayId { get; private set; } = "";

        public async Task InitializeAsync()
        {
            var owner = await ApiClient.RegisterAsync(Factory, Email);
            Enterprise = (await owner.CreateEnterpriseAsync("告警页面企业", Codes.NewCreditCode())).GetProperty("id").GetGuid();
            GatewayId = (await Gateways.TestGateway.IssueAsync(owner)).Id;
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }

        public async Task<long> StoreAlertAsync(string name, bool cleared = false)
        {
            using var scope = Factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var alert = new Alert
            {
                EnterpriseId = Enterprise,
                RuleName = name,
                Severity = AlertSeverity.Critical,
                Subject = "acme/ningbo/moulding/line-1/press-3",
                GatewayId = GatewayId,
                Since = DateTime.UtcNow.AddMinutes(-15),
                RaisedAt = DateTime.UtcNow.AddMinutes(-5),
                RaisedValue = 3,
                LastValue = 3,
                ClearedAt = cleared ? DateTime.UtcNow : null,
                End = cleared ? AlertEnd.Cleared : null,
            };
            db.Alerts.Add(alert);
            await db.SaveChangesAsync();
            return alert.Id;
        }
    }

    [Fact]
    public async Task The_rules_page_lists_the_starting_rules_in_the_page_language()
    {
        var zh = await PageClient.SignedInAsync(_w.Factory, _w.Email, ApiClient.Password, "zh-CN");
        var page = await zh.GetDocumentAsync("/alerts/rules");
        var names = page.QuerySelectorAll("[data-testid=rule-name]").Select(e => e.TextContent).ToList();
        Assert.Contains("设备停机超过 10 分钟", names);
        Assert.Contains("最近一小时 OEE 低于 50%", names);
        Assert.Contains(page.QuerySelectorAll("[data-testid=rule-table] td"), td => td.TextContent == "状态为停机");
    }

    [Fact]
    public async Task The_rule_form_shows_each_wrong_field_beside_it_and_saves_a_good_rule()
    {
        var en = await PageClient.SignedInAsync(_w.Factory, _w.Email, ApiClient.Password);
        var bad = await en.PostFormAsync("/alerts/rules/new", "[data-testid=rule-form]", new()
        {
            ["Input.Name"] = "",
            ["Input.Target"] = "Tag",
            ["Input.Role"] = "State",
            ["Input.Scope"] = "Machine",
            ["Input.AssetPath"] = "acme/ningbo",
            ["Input.Operator"] = "GreaterThan",
            ["Input.Threshold"] = "abc",
            ["Input.DurationSeconds"] = "-5",
            ["Input.Severity"] = "Warning",
        });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var doc = await PageClient.ParseAsync(bad);
        string? Error(string field) => doc.QuerySelector($".field-error[data-field={field}]")?.TextContent;
        Assert.Equal("Give the rule a name of 1 to 100 characters.", Error("name"));
        Assert.StartsWith("One machine needs its full asset path", Error("assetPath"));
        Assert.Equal("Give the threshold as a finite number.", Error("threshold"));
        Assert.Equal("The duration must be between 0 and 604800 seconds (7 days).", Error("durationSeconds"));

        var good = await en.PostFormAsync("/alerts/rules/new", "[data-testid=rule-form]", new()
        {
            ["Input.Name"] = "Compressor power above 40 kW",
            ["Input.Target"] = "Tag",
            ["Input.Role"] = "PowerKw",
            ["Input.Scope"] = "Machine",
            ["Input.AssetPath"] = "acme/ningbo/utilities/air/compressor-1",
            ["Input.Operator"] = "GreaterThan",
            ["Input.Threshold"] = "40",
            ["Input.DurationSeconds"] = "120",
            ["Input.Severity"] = "Warning",
            ["Input.Enabled"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var list = await en.GetDocumentAsync("/alerts/rules");
        var row = list.QuerySelectorAll("[data-testid=rule-table] tr").Single(tr => tr.TextContent.Contains("Compressor power above 40 kW"));
        Assert.Contains("> 40", row.TextContent);
        Assert.Contains("2 min", row.TextContent);
    }

    [Fact]
    public async Task Acknowledging_on_the_page_keeps_the_comment_and_moves_nothing_out_of_the_active_list()
    {
        var id = await _w.StoreAlertAsync("页面确认测试");
        var en = await PageClient.SignedInAsync(_w.Factory, _w.Email, ApiClient.Password);
        var response = await en.PostFormAsync("/alerts", $"tr[data-alert='{id}'] form", new() { ["comment"] = "operator on the way" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await en.GetDocumentAsync("/alerts?acked=1");
        Assert.NotNull(page.QuerySelector("[data-testid=ack-done]"));
        var row = page.QuerySelector($"[data-testid=active-alerts] tr[data-alert='{id}']")!;
        Assert.Contains(_w.Email, row.QuerySelector("[data-testid=acknowledged]")!.TextContent);
        Assert.Equal("operator on the way", row.QuerySelector("[data-testid=ack-comment-text]")!.TextContent);
        Assert.Null(row.QuerySelector("form"));
    }

    [Fact]
    public async Task Cleared_alerts_are_in_the_history_paged_twenty_at_a_time()
    {
        for (var i = 0; i < 21; i++) await _w.StoreAlertAsync($"历史 {i}", cleared: true);
        var en = await PageClient.SignedInAsync(_w.Factory, _w.Email, ApiClient.Password);
        var first = await en.GetDocumentAsync("/alerts");
        Assert.Equal(20, first.QuerySelectorAll("[data-testid=alert-history] tbody tr").Length);
        Assert.NotNull(first.QuerySelector("[data-testid=next-page]"));
        var second = await en.GetDocumentAsync("/alerts?page=2");
        Assert.NotEmpty(second.QuerySelectorAll("[data-testid=alert-history] tbody tr"));
    }

    [Fact]
    public async Task A_rule_is_disabled_and_deleted_from_the_list()
    {
        var api = await ApiClient.SignInAsync(_w.Factory, _w.Email, ApiClient.Password);
        var created = await api.Http.PostAsJsonAsync("/api/v1/alert-rules", new
        {
            name = "to be switched off",
            target = "tag",
            role = "temperature",
            scope = "prefix",
            assetPath = "",
            @operator = "greaterThan",
            threshold = 90,
            durationSeconds = 30,
            severity = "info",
        });
        var id = (await ApiClient.ReadAsync(created)).GetProperty("id").GetGuid();
        var en = await PageClient.SignedInAsync(_w.Factory, _w.Email, ApiClient.Password);

        Assert.Equal(HttpStatusCode.Redirect, (await en.PostFormAsync("/alerts/rules", $"tr[data-rule='{id}'] form", [])).StatusCode);
        Assert.False((await ApiClient.ReadAsync(await api.Http.GetAsync($"/api/v1/alert-rules/{id}"))).GetProperty("enabled").GetBoolean());

        Assert.Equal(HttpStatusCode.Redirect, (await en.PostFormAsync($"/alerts/rules?confirm={id}", $"tr[data-rule='{id}'] form", [])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Http.GetAsync($"/api/v1/alert-rules/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_gateway_page_lists_the_active_alerts_of_its_machines()
    {
        var active = await _w.StoreAlertAsync("网关页面告警");
        var cleared = await _w.StoreAlertAsync("网关页面已解除", cleared: true);
        var zh = await PageClient.SignedInAsync(_w.Factory, _w.Email, ApiClient.Password, "zh-CN");
        var page = await zh.GetDocumentAsync($"/gateways/{_w.GatewayId}");
        var panel = page.QuerySelector("[data-testid=gateway-alerts]")!;
        Assert.Contains("本网关设备的当前告警", panel.TextContent);
        Assert.NotNull(panel.QuerySelector($"tr[data-alert='{active}']"));
        Assert.Null(panel.QuerySelector($"tr[data-alert='{cleared}']"));
    }

    [Fact]
    public async Task Another_enterprises_rule_page_is_not_found()
    {
        var api = await ApiClient.SignInAsync(_w.Factory, _w.Email, ApiClient.Password);
        var rules = await ApiClient.ReadAsync(await api.Http.GetAsync("/api/v1/alert-rules"));
        var id = rules.GetProperty("items")[0].GetProperty("id").GetGuid();
        var otherEmail = Codes.Email("alert-page-other");
        var other = await ApiClient.RegisterAsync(_w.Factory, otherEmail);
        await other.CreateEnterpriseAsync("别家企业", Codes.NewCreditCode());
        var page = await PageClient.SignedInAsync(_w.Factory, otherEmail, ApiClient.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await page.Http.GetAsync($"/alerts/rules/{id}")).StatusCode);
    }
}
