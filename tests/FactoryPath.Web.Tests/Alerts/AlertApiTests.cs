using FactoryPath.Web.Alerts;
using FactoryPath.Web.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FactoryPath.Web.Tests.Alerts;

/// <summary>/api/v1/alert-rules and /api/v1/alerts: validation with precise messages, the starting rules, and enterprise scoping.</summary>
public sealed class AlertApiTests : IClassFixture<AlertApiTests.World>
{
    private readonly World _w;

    public AlertApiTests(World world) => _w = world;

    public sealed class World : IAsyncLifetime
    {
        public PlatformFactory Factory { get; } = new();
        public ApiClient A { get; private set; } = default!;
        public ApiClient B { get; private set; } = default!;
        public string EmailA { get; } = Codes.Email("alerts-a");
        public Guid EnterpriseA { get; private set; }
        public Guid EnterpriseB { get; private set; }

        public async Task InitializeAsync()
        {
            A = await ApiClient.RegisterAsync(Factory, EmailA);
            B = await ApiClient.RegisterAsync(Factory, Codes.Email("alerts-b"));
            A.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
            B.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
            EnterpriseA = (await A.CreateEnterpriseAsync("告警甲企业", Codes.NewCreditCode())).GetProperty("id").GetGuid();
            EnterpriseB = (await B.CreateEnterpriseAsync("告警乙企业", Codes.NewCreditCode())).GetProperty("id").GetGuid();
            await Gateways.TestGateway.IssueAsync(A);
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }

        /// <summary>An alert of A's as the evaluator would have stored it (the real path is in AlertIngestionTests).</summary>
        public async Task<long> StoreAlertAsync(Guid enterpriseId)
        {
            using var scope = Factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var alert = new Alert
            {
                EnterpriseId = enterpriseId,
                RuleName = "test",
                Severity = AlertSeverity.Warning,
                Subject = "acme/ningbo/moulding/line-1/press-3",
                Since = DateTime.UtcNow.AddMinutes(-12),
                RaisedAt = DateTime.UtcNow.AddMinutes(-2),
                RaisedValue = 3,
                LastValue = 3,
            };
            db.Alerts.Add(alert);
            await db.SaveChangesAsync();
            return alert.Id;
        }
    }

    private static object PowerRule(string? name = "Press power above 45 kW", string? assetPath = "acme/ningbo/moulding/line-1/press-3", double threshold = 45) => new
    {
        name,
        target = "tag",
        role = "powerKw",
        scope = "machine",
        assetPath,
        @operator = "greaterThan",
        threshold,
        durationSeconds = 120,
        severity = "warning",
    };

    private static async Task<Dictionary<string, string>> ErrorsOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await ApiClient.ReadAsync(response);
        return body.GetProperty("errors").EnumerateObject().ToDictionary(e => e.Name, e => e.Value[0].GetString()!);
    }

    [Fact]
    public async Task An_empty_rule_names_every_missing_field()
    {
        var errors = await ErrorsOf(await _w.A.Http.PostAsJsonAsync("/api/v1/alert-rules", new { }));
        Assert.Equal(["durationSeconds", "name", "operator", "scope", "severity", "target", "threshold"], errors.Keys.Order().ToArray());
        Assert.Equal("Choose what the rule watches: tag or kpi.", errors["target"]);
    }

    [Theory]
    [InlineData("""{"name":"x","target":"tag","role":"state","scope":"prefix","assetPath":"","operator":"greaterThan","threshold":3,"durationSeconds":60,"severity":"critical"}""", "operator", "A machine state is compared with equalTo (is) or notEqualTo (is not) only.")]
    [InlineData("""{"name":"x","target":"tag","role":"state","scope":"prefix","assetPath":"","operator":"equalTo","threshold":7,"durationSeconds":60,"severity":"critical"}""", "threshold", "A state threshold is a state code: 1 running, 2 idle, 3 down, 4 changeover.")]
    [InlineData("""{"name":"x","target":"kpi","kpi":"oee","windowMinutes":60,"scope":"prefix","assetPath":"","operator":"lessThan","threshold":150,"durationSeconds":0,"severity":"warning"}""", "threshold", "OEE and availability thresholds are percentages between 0 and 100.")]
    [InlineData("""{"name":"x","target":"kpi","kpi":"oee","windowMinutes":2,"scope":"prefix","assetPath":"","operator":"lessThan","threshold":50,"durationSeconds":0,"severity":"warning"}""", "windowMinutes", "The KPI window must be between 5 and 10080 minutes.")]
    [InlineData("""{"name":"x","target":"kpi","kpi":"oee","role":"state","windowMinutes":60,"scope":"prefix","assetPath":"","operator":"lessThan","threshold":50,"durationSeconds":0,"severity":"warning"}""", "role", "role applies only to tag rules.")]
    [InlineData("""{"name":"x","target":"tag","role":"powerKw","scope":"machine","assetPath":"acme/ningbo","operator":"greaterThan","threshold":45,"durationSeconds":60,"severity":"warning"}""", "assetPath", "One machine needs its full asset path: enterprise/site/area/line/[cell/]equipment, five or six non-empty levels without '+' or '#', at most 300 characters.")]
    [InlineData("""{"name":"x","target":"tag","role":"powerKw","scope":"prefix","assetPath":"acme//moulding","operator":"greaterThan","threshold":45,"durationSeconds":60,"severity":"warning"}""", "assetPath", "An asset path prefix is 1 to 6 non-empty levels separated by '/', without '+' or '#', at most 300 characters; empty means every machine.")]
    [InlineData("""{"name":"x","target":"tag","role":"powerKw","scope":"prefix","assetPath":"","operator":"greaterThan","threshold":45,"durationSeconds":-1,"severity":"warning"}""", "durationSeconds", "The duration must be between 0 and 604800 seconds (7 days).")]
    [InlineData("""{"name":"  ","target":"tag","role":"powerKw","scope":"prefix","assetPath":"","operator":"greaterThan","threshold":45,"durationSeconds":1,"severity":"warning"}""", "name", "Give the rule a name of 1 to 100 characters.")]
    public async Task A_wrong_field_is_named_with_a_precise_message(string json, string field, string message)
    {
        var response = await _w.A.Http.PostAsync("/api/v1/alert-rules", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var errors = await ErrorsOf(response);
        Assert.Equal([field], errors.Keys.ToArray());
        Assert.Equal(message, errors[field]);
    }

    [Fact]
    public async Task An_unknown_operator_is_a_bad_request_not_a_crash()
    {
        var response = await _w.A.Http.PostAsync("/api/v1/alert-rules", new StringContent("""{"operator":"sometimes"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_enterprise_with_a_gateway_starts_with_the_default_rules_named_in_the_readers_language()
    {
        var en = await ApiClient.ReadAsync(await _w.A.Http.GetAsync("/api/v1/alert-rules?pageSize=100"));
        var down = en.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("builtIn").GetBoolean() && r.GetProperty("role").GetString() == "state");
        Assert.Equal("Machine down for more than 10 minutes", down.GetProperty("name").GetString());
        Assert.Equal(600, down.GetProperty("durationSeconds").GetInt32());
        Assert.Equal(3, down.GetProperty("threshold").GetDouble());
        Assert.Contains(en.GetProperty("items").EnumerateArray(), r => r.GetProperty("kpi").GetString() == "oee");

        var zh = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/alert-rules/{down.GetProperty("id").GetGuid()}");
        zh.Headers.AcceptLanguage.Clear();
        zh.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var zhRule = await ApiClient.ReadAsync(await _w.A.Http.SendAsync(zh));
        Assert.Equal("设备停机超过 10 分钟", zhRule.GetProperty("name").GetString());

        // no gateway, no starting rules
        var b = await ApiClient.ReadAsync(await _w.B.Http.GetAsync("/api/v1/alert-rules"));
        Assert.Equal(0, b.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_rule_is_created_read_replaced_and_deleted()
    {
        var created = await _w.A.Http.PostAsJsonAsync("/api/v1/alert-rules", PowerRule());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var rule = await ApiClient.ReadAsync(created);
        var id = rule.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/alert-rules/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal("Press power above 45 kW", rule.GetProperty("name").GetString());
        Assert.False(rule.GetProperty("builtIn").GetBoolean());
        Assert.True(rule.GetProperty("enabled").GetBoolean());

        var put = await _w.A.Http.PutAsJsonAsync($"/api/v1/alert-rules/{id}", PowerRule("压机功率高于 50 kW", threshold: 50));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var read = await ApiClient.ReadAsync(await _w.A.Http.GetAsync($"/api/v1/alert-rules/{id}"));
        Assert.Equal("压机功率高于 50 kW", read.GetProperty("name").GetString()); // a user's name as typed, in every language
        Assert.Equal(50, read.GetProperty("threshold").GetDouble());

        Assert.Equal(HttpStatusCode.NoContent, (await _w.A.Http.DeleteAsync($"/api/v1/alert-rules/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _w.A.Http.GetAsync($"/api/v1/alert-rules/{id}")).StatusCode);
    }

    [Fact]
    public async Task Another_enterprise_can_neither_read_change_nor_delete_a_rule()
    {
        var id = (await ApiClient.ReadAsync(await _w.A.Http.PostAsJsonAsync("/api/v1/alert-rules", PowerRule("A's rule")))).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await _w.B.Http.GetAsync($"/api/v1/alert-rules/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _w.B.Http.PutAsJsonAsync($"/api/v1/alert-rules/{id}", PowerRule("taken over"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _w.B.Http.DeleteAsync($"/api/v1/alert-rules/{id}")).StatusCode);
        var list = await ApiClient.ReadAsync(await _w.B.Http.GetAsync("/api/v1/alert-rules?pageSize=100"));
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);
        Assert.Equal("A's rule", (await ApiClient.ReadAsync(await _w.A.Http.GetAsync($"/api/v1/alert-rules/{id}"))).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Another_enterprise_can_neither_read_nor_acknowledge_an_alert()
    {
        var id = await _w.StoreAlertAsync(_w.EnterpriseA);
        Assert.Equal(HttpStatusCode.NotFound, (await _w.B.Http.GetAsync($"/api/v1/alerts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _w.B.Http.PostAsJsonAsync($"/api/v1/alerts/{id}/acknowledge", new { comment = "not mine" })).StatusCode);
        var list = await ApiClient.ReadAsync(await _w.B.Http.GetAsync("/api/v1/alerts?pageSize=100"));
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetInt64() == id);

        var mine = await ApiClient.ReadAsync(await _w.A.Http.GetAsync($"/api/v1/alerts/{id}"));
        Assert.Equal(JsonValueKind.Null, mine.GetProperty("acknowledgedAt").ValueKind);
    }

    [Fact]
    public async Task Acknowledging_records_who_and_the_comment_once()
    {
        var id = await _w.StoreAlertAsync(_w.EnterpriseA);
        var tooLong = await _w.A.Http.PostAsJsonAsync($"/api/v1/alerts/{id}/acknowledge", new { comment = new string('x', 501) });
        Assert.Equal("A comment has at most 500 characters.", (await ErrorsOf(tooLong))["comment"]);

        var ack = await _w.A.Http.PostAsJsonAsync($"/api/v1/alerts/{id}/acknowledge", new { comment = "换了料斗 / hopper refilled" });
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var body = await ApiClient.ReadAsync(ack);
        Assert.Equal(_w.EmailA, body.GetProperty("acknowledgedBy").GetString());
        Assert.Equal("换了料斗 / hopper refilled", body.GetProperty("comment").GetString());
        Assert.True(body.GetProperty("active").GetBoolean()); // acknowledged is not cleared

        var again = await _w.A.Http.PostAsJsonAsync($"/api/v1/alerts/{id}/acknowledge", new { });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains(_w.EmailA, (await ApiClient.ReadAsync(again)).GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/api/v1/alerts?state=sometimes", "state")]
    [InlineData("/api/v1/alerts?pageSize=0", "pageSize")]
    [InlineData("/api/v1/alert-rules?page=0", "page")]
    public async Task Bad_list_parameters_are_named(string path, string field)
    {
        var errors = await ErrorsOf(await _w.A.Http.GetAsync(path));
        Assert.Contains(field, errors.Keys);
    }

    [Fact]
    public async Task Deleting_a_rule_keeps_its_alerts_in_the_history_under_its_name()
    {
        var ruleId = (await ApiClient.ReadAsync(await _w.A.Http.PostAsJsonAsync("/api/v1/alert-rules", PowerRule("soon gone")))).GetProperty("id").GetGuid();
        long alertId;
        using (var scope = _w.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var alert = new Alert { EnterpriseId = _w.EnterpriseA, RuleId = ruleId, RuleName = "soon gone", Severity = AlertSeverity.Warning, Subject = "acme/ningbo/moulding/line-1/press-3", Since = DateTime.UtcNow, RaisedAt = DateTime.UtcNow };
            db.Alerts.Add(alert);
            await db.SaveChangesAsync();
            alertId = alert.Id;
        }

        Assert.Equal(HttpStatusCode.NoContent, (await _w.A.Http.DeleteAsync($"/api/v1/alert-rules/{ruleId}")).StatusCode);
        var alertAfter = await ApiClient.ReadAsync(await _w.A.Http.GetAsync($"/api/v1/alerts/{alertId}"));
        Assert.Equal("soon gone", alertAfter.GetProperty("ruleName").GetString());
        Assert.False(alertAfter.GetProperty("active").GetBoolean());
        Assert.Equal("ruleChanged", alertAfter.GetProperty("end").GetString());
        Assert.Equal(JsonValueKind.Null, alertAfter.GetProperty("ruleId").ValueKind);
    }
}
