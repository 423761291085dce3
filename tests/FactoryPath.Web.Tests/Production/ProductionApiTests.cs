using System.Text;
using FactoryPath.Edge.Model;
using FactoryPath.Edge.Uplink.Contracts;
using FactoryPath.Web.Accounts;
using FactoryPath.Web.Tests.Gateways;
using static FactoryPath.Web.Tests.Production.KpiMinutes;

namespace FactoryPath.Web.Tests.Production;

/// <summary>
/// The dashboards' API over minutes a gateway sent through the broker. Worked by hand (ISO 22400-2: ratios of summed
/// elements): press-3 08:00 runs 45 s (down 15 s, reason 3), 9 good 1 scrap at 4 s ideal, 0.5 kWh; 08:01 runs 60 s, 12
/// good, 0.5 kWh; press-4 08:00 runs 30 s (down 30 s, reason 1), 5 good at 5 s ideal, no meter; lathe-1 at 20:00 UTC
/// (04:00 the next day in Shanghai) runs 60 s, 6 good at 10 s ideal, 1 kWh.
/// Line-1: A = 135/180 = 0.75; E = (40 + 48 + 25)/135 = 113/135; Q = 26/27; OEE = 113/180 × 26/27 = 0.604527.
/// </summary>
public sealed class ProductionApiTests : IClassFixture<ProductionApiTests.World>
{
    private static readonly DateTimeOffset At = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
    private const string Range = "from=2026-01-05T00:00:00%2B08:00&to=2026-01-07T00:00:00%2B08:00";
    private readonly World _w;

    public ProductionApiTests(World world) => _w = world;

    public sealed class World : IAsyncLifetime
    {
        public PlatformFactory Factory { get; } = new();
        public ApiClient Owner { get; private set; } = default!;
        public string OwnerEmail { get; } = Codes.Email("prod-owner");
        public ApiClient Other { get; private set; } = default!;
        public Guid EnterpriseId { get; private set; }

        public async Task InitializeAsync()
        {
            Owner = await ApiClient.RegisterAsync(Factory, OwnerEmail);
            EnterpriseId = (await Owner.CreateEnterpriseAsync("看板机械有限公司", Codes.NewCreditCode())).GetProperty("id").GetGuid();
            Other = await ApiClient.RegisterAsync(Factory, Codes.Email("prod-other"));
            await Other.CreateEnterpriseAsync("别家机械有限公司", Codes.NewCreditCode());
            await using var gw = await TestGateway.IssueAsync(Owner);
            Assert.Equal(MQTTnet.MqttClientConnectResultCode.Success, await gw.ConnectAsync(TestGateway.BrokerPort(Factory)));
            var sent = await gw.PublishAsync(UplinkKinds.Kpi, 1, Batch(
                Minute(Press3, At, runningMs: 45_000, reason: 3, good: 9, scrap: 1, idealCycle: 4),
                Minute(Press3, At.AddMinutes(1), good: 12, idealCycle: 4),
                Minute(Press4, At, runningMs: 30_000, reason: 1, good: 5, energy: null, idealCycle: 5),
                Minute(Lathe1, At.AddHours(12), good: 6, energy: 1, idealCycle: 10, shift: "夜班")));
            Assert.True(sent.IsSuccess);
            Assert.True((await gw.PublishAsync(UplinkKinds.Health, 2, TestGateway.Health(("press-3.state", TagRole.State, 3), ("press-3.good_count", TagRole.GoodCount, 1234)))).IsSuccess);
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    private async Task<JsonElement> GetAsync(string path)
    {
        var response = await _w.Owner.Http.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await ApiClient.ReadAsync(response);
    }

    [Fact]
    public async Task The_summary_by_line_sums_the_elements_before_taking_the_ratios()
    {
        var summary = await GetAsync($"/api/v1/production/summary?{Range}&group=line");
        var groups = summary.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(["acme/ningbo/machining/line-2", "acme/ningbo/moulding/line-1"], groups.Select(g => g.GetProperty("group").GetString()));
        var line1 = groups[1].GetProperty("figures");
        Assert.Equal(0.75, line1.GetProperty("availability").GetDouble(), 6);
        Assert.Equal(113.0 / 135, line1.GetProperty("effectiveness").GetDouble(), 6);
        Assert.Equal(26.0 / 27, line1.GetProperty("quality").GetDouble(), 6);
        Assert.Equal(0.604527, line1.GetProperty("oee").GetDouble(), 6);
        Assert.Equal(1.0 / 26, line1.GetProperty("energyPerGoodUnit").GetDouble(), 6); // press-4 has no meter: 1 kWh over 26 good
        Assert.Equal(26, line1.GetProperty("good").GetInt64());

        var total = summary.GetProperty("total");
        Assert.Equal(32, total.GetProperty("good").GetInt64());
        Assert.Equal(195_000, total.GetProperty("runningMs").GetInt64());
    }

    [Fact]
    public async Task The_summary_by_site_and_machine_groups_by_the_asset_path_levels()
    {
        var site = await GetAsync($"/api/v1/production/summary?{Range}&group=site");
        Assert.Equal("acme/ningbo", Assert.Single(site.GetProperty("groups").EnumerateArray()).GetProperty("group").GetString());
        var machines = await GetAsync($"/api/v1/production/summary?{Range}&group=machine");
        var press3 = machines.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("group").GetString() == Press3).GetProperty("figures");
        Assert.Equal(0.875, press3.GetProperty("availability").GetDouble(), 6);
        Assert.Equal(88.0 / 105, press3.GetProperty("effectiveness").GetDouble(), 6);
    }

    [Fact]
    public async Task A_range_that_starts_inside_an_hour_reads_the_minutes_at_its_edge()
    {
        // from 08:01 UTC: only press-3's second minute (12 good, no down time) and lathe-1 at 20:00
        var summary = await GetAsync("/api/v1/production/summary?from=2026-01-05T08:01:00Z&to=2026-01-05T20:30:00Z");
        Assert.Equal(18, summary.GetProperty("total").GetProperty("good").GetInt64());
        // half an hour inside one hour: all of it from the minutes
        var pareto = await GetAsync("/api/v1/production/pareto?from=2026-01-05T08:00:00Z&to=2026-01-05T08:30:00Z");
        Assert.Equal(45_000, pareto.GetProperty("totalDownMs").GetInt64());
        var none = await GetAsync("/api/v1/production/pareto?from=2026-01-05T08:01:00Z&to=2026-01-05T09:00:00Z");
        Assert.Equal(0, none.GetProperty("totalDownMs").GetInt64());
    }

    [Fact]
    public async Task The_trend_by_day_uses_the_factorys_days()
    {
        var trend = await GetAsync($"/api/v1/production/trend?{Range}&bucket=day");
        var points = trend.GetProperty("points").EnumerateArray().ToList();
        // 20:00 UTC is 04:00 the next day in Shanghai
        Assert.Equal(["2026-01-05", "2026-01-06"], points.Select(p => p.GetProperty("label").GetString()));
        Assert.Equal(26, points[0].GetProperty("figures").GetProperty("good").GetInt64());
        Assert.Equal(1.0, points[1].GetProperty("figures").GetProperty("oee").GetDouble(), 6); // 60 s × 6 × 10 s ideal / 60 s, all good
        var hours = await GetAsync($"/api/v1/production/trend?{Range}&bucket=hour");
        Assert.Equal(["2026-01-05 16:00", "2026-01-06 04:00"], hours.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("label").GetString()));
        var shifts = await GetAsync($"/api/v1/production/trend?{Range}&bucket=shift");
        Assert.Equal(["2026-01-05 早班", "2026-01-06 夜班"], shifts.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("label").GetString()));
    }

    [Fact]
    public async Task The_pareto_orders_reasons_by_down_time_with_names_and_shares()
    {
        _w.Owner.Http.DefaultRequestHeaders.AcceptLanguage.Clear();
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/production/pareto?{Range}");
        request.Headers.AcceptLanguage.ParseAdd("en");
        var pareto = await ApiClient.ReadAsync(await _w.Owner.Http.SendAsync(request));
        Assert.Equal(45_000, pareto.GetProperty("totalDownMs").GetInt64());
        var bars = pareto.GetProperty("bars").EnumerateArray().ToList();
        Assert.Equal([1, 3], bars.Select(b => b.GetProperty("reason").GetInt32()));
        Assert.Equal("material shortage", bars[0].GetProperty("name").GetString());
        Assert.Equal(2.0 / 3, bars[0].GetProperty("share").GetDouble(), 6);
        Assert.Equal(1.0, bars[1].GetProperty("cumulativeShare").GetDouble(), 6);
    }

    [Fact]
    public async Task The_export_is_utf8_csv_with_a_bom_and_a_chinese_header_one_row_per_bucket_and_group()
    {
        var response = await _w.Owner.Http.GetAsync($"/api/v1/production/export.csv?{Range}&bucket=day&group=machine&lang=zh");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("时段开始,时段,分组,OEE,可用率", lines[0]);
        Assert.Equal(4, lines.Length); // day 1: press-3, press-4; day 2: lathe-1
        Assert.StartsWith($"2026-01-05T00:00:00+08:00,2026-01-05,{Press3},", lines[1]);
        Assert.Contains(",21,1,", lines[1]); // press-3: 21 good, 1 scrap
    }

    [Fact]
    public async Task The_live_view_shows_each_machines_state_from_the_live_tags_with_its_colour()
    {
        var live = await GetAsync("/api/v1/production/live?period=day");
        var press3 = live.GetProperty("machines").EnumerateArray().Single(m => m.GetProperty("assetPath").GetString() == Press3);
        Assert.Equal("down", press3.GetProperty("state").GetString());
        Assert.Equal("#c0392b", press3.GetProperty("colour").GetString());
        Assert.Equal(1234, press3.GetProperty("goodCounter").GetDouble());
        Assert.Equal(1, live.GetProperty("gatewaysOnline").GetInt32());
    }

    [Theory]
    [InlineData("/api/v1/production/summary?from=2026-01-05T00:00:00Z&to=2026-01-04T00:00:00Z", "to")]
    [InlineData("/api/v1/production/summary?from=2026-01-01T00:00:00Z&to=2026-06-01T00:00:00Z", "to")]
    [InlineData("/api/v1/production/summary?group=area", "group")]
    [InlineData("/api/v1/production/trend?bucket=month", "bucket")]
    [InlineData("/api/v1/production/trend?bucket=1", "bucket")]
    [InlineData("/api/v1/production/live?period=week", "period")]
    [InlineData("/api/v1/production/export.csv?lang=fr", "lang")]
    public async Task Bad_query_parameters_are_validation_problems(string path, string field)
    {
        var response = await _w.Owner.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ApiClient.ReadAsync(response)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Another_enterprise_sees_none_of_this_data()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _w.Other.Http.GetAsync($"/api/v1/production/summary?{Range}&enterpriseId={_w.EnterpriseId}")).StatusCode);
        var own = await ApiClient.ReadAsync(await _w.Other.Http.GetAsync($"/api/v1/production/summary?{Range}"));
        Assert.Empty(own.GetProperty("groups").EnumerateArray());
        Assert.Empty((await ApiClient.ReadAsync(await _w.Other.Http.GetAsync("/api/v1/production/live"))).GetProperty("machines").EnumerateArray());
    }

    [Theory]
    [InlineData(PlatformRoles.RegionalAdmin, "330000")]
    [InlineData(PlatformRoles.ServiceProvider, null)]
    public async Task Regional_admins_and_providers_read_no_production_data(string role, string? region)
    {
        var other = await Users.WithRoleAsync(_w.Factory, role, region);
        var response = await other.Http.GetAsync($"/api/v1/production/summary?{Range}&enterpriseId={_w.EnterpriseId}");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_operator_reads_a_named_enterprise()
    {
        var op = await Users.WithRoleAsync(_w.Factory, PlatformRoles.PlatformAdmin);
        Assert.Equal(HttpStatusCode.BadRequest, (await op.Http.GetAsync($"/api/v1/production/summary?{Range}")).StatusCode);
        var summary = await ApiClient.ReadAsync(await op.Http.GetAsync($"/api/v1/production/summary?{Range}&enterpriseId={_w.EnterpriseId}"));
        Assert.Equal(32, summary.GetProperty("total").GetProperty("good").GetInt64());
    }

    [Theory]
    [InlineData("zh-CN", "生产看板", "停机", "时段开始")]
    [InlineData("en", "Production", "Down", "period start")]
    public async Task The_production_page_shows_the_machines_the_range_and_the_export_in_either_language(string culture, string title, string down, string header)
    {
        var page = await PageClient.SignedInAsync(_w.Factory, _w.OwnerEmail, ApiClient.Password, culture);
        var doc = await page.GetDocumentAsync("/production?range=custom&from=2026-01-05&to=2026-01-06");
        Assert.Contains(title, doc.QuerySelector("h1")!.TextContent);
        var press3 = doc.QuerySelector($"[data-testid=machine][data-path='{Press3}']")!;
        Assert.Equal("Down", press3.GetAttribute("data-state"));
        Assert.Contains(down, press3.QuerySelector("[data-testid=state]")!.TextContent);
        Assert.Contains("69.9", doc.QuerySelector("[data-testid=total-oee]")!.TextContent.Replace(',', '.')); // both days: 173 s ideal / 240 s busy × 32/33 good
        var export = doc.QuerySelector("[data-testid=export]")!.GetAttribute("href")!;
        var csv = await page.Http.GetByteArrayAsync(export);
        Assert.StartsWith(header, System.Text.Encoding.UTF8.GetString(csv[3..]));
    }

    [Fact]
    public async Task An_enterprise_without_a_gateway_sees_the_empty_state()
    {
        var email = Codes.Email("prod-empty");
        var api = await ApiClient.RegisterAsync(_w.Factory, email);
        await api.CreateEnterpriseAsync("还没有网关的企业", Codes.NewCreditCode());
        var page = await PageClient.SignedInAsync(_w.Factory, email, ApiClient.Password, "zh-CN");
        var doc = await page.GetDocumentAsync("/production");
        Assert.NotNull(doc.QuerySelector("[data-testid=no-gateway]"));
        Assert.Null(doc.QuerySelector("[data-testid=production-dashboard]"));
    }
}
