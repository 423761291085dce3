using System.Net;
using System.Text;
using System.Text.Json;
using FactoryPath.Edge.Configuration;
using FactoryPath.Edge.Kpi;
using FactoryPath.Edge.Kpi.Dashboard;
using FactoryPath.Edge.LocalPage;
using FactoryPath.Edge.Model;
using FactoryPath.Edge.Tests.Infrastructure;
using FactoryPath.Edge.Uplink.Contracts;
using Microsoft.Extensions.Logging.Abstractions;

namespace FactoryPath.Edge.Tests.LocalPage;

/// <summary>
/// The gateway's local page over real HTTP. Minutes worked by hand: press-1 at 08:00 and 08:01 Shanghai (00:00, 00:01
/// UTC) in the morning shift, running 45 s and 60 s of 60 s planned, 9 good + 1 scrap and 12 good at 4 s ideal, down 15 s
/// for reason 7: A = 105/120 = 0.875, P = 88/105, Q = 21/22, OEE = 88/120 × 21/22 = 0.7.
/// </summary>
public sealed class LocalPageServerTests : IAsyncLifetime
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 0, 5, 0, TimeSpan.Zero);
    private const string Press = "acme/ningbo/moulding/line-1/press-1";
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private LocalPageServer server = null!;

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class MinuteList(IReadOnlyList<KpiMinute> all) : IKpiSource
    {
        public IReadOnlyList<KpiMinute> Minutes(DateTimeOffset from, DateTimeOffset to) =>
            all.Where(m => m.PeriodStart >= from && m.PeriodStart < to).OrderBy(m => m.AssetPath).ThenBy(m => m.PeriodStart).ToList();
    }

    public Task InitializeAsync()
    {
        var minutes = new MinuteList(
        [
            new KpiMinute(Press, Now.AddMinutes(-5), "早班", 60_000, 45_000, 15_000, 0, 0, 0, new Dictionary<int, long> { [7] = 15_000 }, 1, false, 9, 1, 0.5, 4),
            new KpiMinute(Press, Now.AddMinutes(-4), "早班", 60_000, 60_000, 0, 0, 0, 0, new Dictionary<int, long>(), 0, false, 12, 0, 0.5, 4),
        ]);
        var live = new List<LiveTag>
        {
            new("press-1.state", Press, TagRole.State, null, 3, TagQuality.Good, Now),
            new("press-1.good", Press, TagRole.GoodCount, null, 4321, TagQuality.Good, Now),
        };
        var names = DownReasonNames.Default.With(new Dictionary<int, ReasonName> { [7] = new("模具冷却", "mould cooling") });
        var dashboard = new LocalDashboard(() => minutes, () => live, Shanghai, names, new FixedClock(Now));
        var port = FreePort.Next();
        server = new LocalPageServer(new LocalPageConfig(IPAddress.Loopback, port), dashboard, NullLogger.Instance);
        server.Start();
        http.BaseAddress = new Uri(server.Url);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await server.DisposeAsync();
    }

    private async Task<JsonElement> JsonAsync(string path)
    {
        var response = await http.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task The_page_and_the_platforms_own_chart_files_are_served()
    {
        var html = await http.GetStringAsync("/");
        Assert.Contains("/js/charts.js", html);
        Assert.Contains("/lib/echarts/echarts.min.js", html);
        var charts = await http.GetByteArrayAsync("/js/charts.js");
        var webCharts = await File.ReadAllBytesAsync(Path.Combine(RepositoryRoot(), "src/FactoryPath.Web/wwwroot/js/charts.js"));
        Assert.Equal(webCharts, charts); // the same file, not a copy that drifts
        Assert.True((await http.GetByteArrayAsync("/lib/echarts/echarts.min.js")).Length > 100_000);
        Assert.Contains("fpCharts", await http.GetStringAsync("/js/local.js"));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/nothing-here")).StatusCode);
    }

    [Fact]
    public async Task The_live_view_has_each_machines_state_counters_and_shift_kpis()
    {
        var live = await JsonAsync("/api/live");
        Assert.Equal("shift", live.GetProperty("period").GetString());
        Assert.Equal("早班", live.GetProperty("shift").GetString());
        var press = Assert.Single(live.GetProperty("machines").EnumerateArray());
        Assert.Equal("down", press.GetProperty("state").GetString());
        Assert.Equal(4321, press.GetProperty("goodCounter").GetDouble());
        Assert.Equal(0.7, press.GetProperty("kpis").GetProperty("oee").GetDouble(), 9);
        Assert.Equal(0.875, press.GetProperty("kpis").GetProperty("availability").GetDouble(), 9);
    }

    [Fact]
    public async Task Summary_trend_and_pareto_use_the_shared_dashboard_code()
    {
        var summary = await JsonAsync("/api/summary?group=line");
        Assert.Equal("acme/ningbo/moulding/line-1", Assert.Single(summary.GetProperty("groups").EnumerateArray()).GetProperty("group").GetString());
        Assert.Equal(0.7, summary.GetProperty("total").GetProperty("oee").GetDouble(), 9);
        var trend = await JsonAsync("/api/trend?bucket=hour");
        Assert.Equal("2026-01-05 08:00", Assert.Single(trend.GetProperty("points").EnumerateArray()).GetProperty("label").GetString());
        var pareto = await JsonAsync("/api/pareto?lang=en");
        var bar = Assert.Single(pareto.GetProperty("bars").EnumerateArray());
        Assert.Equal("mould cooling", bar.GetProperty("name").GetString());
        Assert.Equal(15_000, bar.GetProperty("downMs").GetInt64());
    }

    [Fact]
    public async Task The_export_is_csv_with_a_bom_and_the_chosen_header()
    {
        var bytes = await http.GetByteArrayAsync("/api/export.csv?from=2026-01-05T00:00:00%2B08:00&to=2026-01-06T00:00:00%2B08:00&bucket=day&lang=zh");
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("时段开始,时段,分组", lines[0]);
        Assert.StartsWith($"2026-01-05T00:00:00+08:00,2026-01-05,{Press},0.7,", Assert.Single(lines[1..]));
    }

    [Theory]
    [InlineData("/api/trend?bucket=month", "bucket must be")]
    [InlineData("/api/summary?group=area", "group must be")]
    [InlineData("/api/summary?from=yesterday", "from must be an ISO 8601 time")]
    [InlineData("/api/summary?from=2026-01-05T00:00:00Z&to=2026-01-04T00:00:00Z", "to must be later")]
    [InlineData("/api/summary?from=2026-01-01T00:00:00Z&to=2026-06-01T00:00:00Z", "at most 92 days")]
    [InlineData("/api/pareto?lang=fr", "lang must be")]
    public async Task A_bad_query_is_a_400_with_the_reason(string path, string reason)
    {
        var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FactoryPath.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
