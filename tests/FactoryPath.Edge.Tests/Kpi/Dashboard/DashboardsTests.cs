using System.Text;
using FactoryPath.Edge.Kpi;
using FactoryPath.Edge.Kpi.Dashboard;
using FactoryPath.Edge.Model;
using FactoryPath.Edge.Uplink.Contracts;

namespace FactoryPath.Edge.Tests.Kpi.Dashboard;

/// <summary>
/// The dashboards' arithmetic on small data worked by hand. Shanghai is UTC+8 all year, so 16:00 UTC is midnight there.
/// </summary>
public sealed class DashboardsTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private const string PressA = "acme/ningbo/moulding/line-1/press-a";
    private const string PressB = "acme/ningbo/moulding/line-1/press-b";
    private const string Lathe = "acme/ningbo/machining/line-2/cell-1/lathe";

    private static KpiMinute Minute(string path, DateTimeOffset start, long running, long good, long scrap, double ideal, double? kwh = null, string? shift = "A", int reason = 3)
    {
        var down = 60_000 - running;
        return new KpiMinute(path, start, shift, 60_000, running, down, 0, 0, 0,
            down > 0 ? new Dictionary<int, long> { [reason] = down } : new Dictionary<int, long>(), down > 0 ? 1 : 0, false, good, scrap, kwh, ideal);
    }

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void A_line_sums_its_machines_elements_and_ideal_times_before_the_ratios()
    {
        // press-a: 60 s running, 10 good at 3 s → ideal 30 s; press-b: 30 s running, 4 good + 1 scrap at 6 s → ideal 30 s.
        // Line: A = 90/120 = 0.75, P = 60/90 = 2/3, Q = 14/15, OEE = 0.75 × 2/3 × 14/15 = 0.4667 (not the mean of the machines' OEEs).
        var slices = KpiSlice.Of([Minute(PressA, Utc(1, 5, 2), 60_000, 10, 0, 3, 1.0), Minute(PressB, Utc(1, 5, 2), 30_000, 4, 1, 6)]).ToList();
        var line = Assert.Single(Dashboards.Summary(slices, DashboardGroup.Line));
        Assert.Equal("acme/ningbo/moulding/line-1", line.Group);
        Assert.Equal("line-1", line.Name);
        Assert.Equal(0.75, line.Figures.Availability!.Value, 9);
        Assert.Equal(2.0 / 3, line.Figures.Effectiveness!.Value, 9);
        Assert.Equal(14.0 / 15, line.Figures.Quality!.Value, 9);
        Assert.Equal(0.75 * 2 / 3 * 14 / 15, line.Figures.Oee!.Value, 9);
        Assert.Equal(1.0 / 14, line.Figures.EnergyPerGoodUnit!.Value, 9); // press-b has no meter
        var machines = Dashboards.Summary(slices, DashboardGroup.Machine);
        Assert.Equal([PressA, PressB], machines.Select(m => m.Group));
        Assert.Equal(0.5, machines[0].Figures.Oee!.Value, 9); // press-a alone: A = 1, P = 30/60, Q = 1
    }

    [Fact]
    public void The_figures_of_slices_equal_those_of_the_shared_totals()
    {
        var minutes = new[] { Minute(PressA, Utc(1, 5, 2), 45_000, 9, 1, 4, 0.5), Minute(PressA, Utc(1, 5, 2, 1), 60_000, 12, 0, 4, 0.5), Minute(PressB, Utc(1, 5, 2), 30_000, 5, 0, 5) };
        var expected = KpiTotals.Of(minutes).ToKpis();
        var figures = Dashboards.Total(KpiSlice.Of(minutes));
        Assert.Equal(expected.Oee, figures.Oee);
        Assert.Equal(expected.Availability, figures.Availability);
        Assert.Equal(expected.Effectiveness, figures.Effectiveness);
        Assert.Equal(expected.QualityRatio, figures.Quality);
        Assert.Equal(expected.EnergyPerGoodUnit, figures.EnergyPerGoodUnit);
    }

    [Fact]
    public void Groups_follow_the_isa95_levels_and_a_cell_is_skipped_for_the_line()
    {
        Assert.Equal("acme/ningbo/machining/line-2", DashboardGroups.KeyOf(Lathe, DashboardGroup.Line));
        Assert.Equal("acme/ningbo", DashboardGroups.KeyOf(Lathe, DashboardGroup.Site));
        Assert.Equal(Lathe, DashboardGroups.KeyOf(Lathe, DashboardGroup.Machine));
        Assert.Equal("odd-path", DashboardGroups.KeyOf("odd-path", DashboardGroup.Site));
        var sites = Dashboards.Summary(KpiSlice.Of([Minute(PressA, Utc(1, 5, 2), 60_000, 1, 0, 1), Minute(Lathe, Utc(1, 5, 2), 60_000, 1, 0, 1)]), DashboardGroup.Site);
        Assert.Equal(2, Assert.Single(sites).Figures.Good);
    }

    [Theory]
    [InlineData(2026, 1, 4, 15, 59, "2026-01-04", "2026-W01")]  // 23:59 Sunday in Shanghai: still ISO week 1 of 2026
    [InlineData(2026, 1, 4, 16, 0, "2026-01-05", "2026-W02")]   // midnight Monday in Shanghai
    [InlineData(2025, 12, 31, 16, 0, "2026-01-01", "2026-W01")]
    [InlineData(2027, 1, 1, 0, 0, "2027-01-01", "2026-W53")]    // 2026 has 53 ISO weeks (it starts on a Thursday)
    public void Days_and_iso_weeks_are_the_factorys(int y, int m, int d, int h, int min, string day, string week)
    {
        var at = new DateTimeOffset(y, m, d, h, min, 0, TimeSpan.Zero);
        var dayKey = Buckets.Of(at, DashboardBucket.Day, Shanghai);
        Assert.Equal(day, dayKey.Label);
        Assert.Equal(TimeSpan.FromHours(8), dayKey.Start.Offset);
        Assert.Equal(0, dayKey.Start.Hour);
        var weekKey = Buckets.Of(at, DashboardBucket.Week, Shanghai);
        Assert.Equal(week, weekKey.Label);
        Assert.Equal(DayOfWeek.Monday, weekKey.Start.DayOfWeek);
    }

    [Fact]
    public void A_trend_by_day_splits_at_local_midnight()
    {
        var slices = KpiSlice.Of([Minute(PressA, Utc(1, 5, 15, 59), 60_000, 2, 0, 30), Minute(PressA, Utc(1, 5, 16, 0), 30_000, 1, 0, 30)]);
        var points = Dashboards.Trend(slices, DashboardBucket.Day, Shanghai);
        Assert.Equal(["2026-01-05", "2026-01-06"], points.Select(p => p.Label));
        Assert.Equal(1.0, points[0].Figures.Oee!.Value, 9);
        Assert.Equal(0.5, points[1].Figures.Availability!.Value, 9);
        var hours = Dashboards.Trend(slices, DashboardBucket.Hour, Shanghai);
        Assert.Equal(["2026-01-05 23:00", "2026-01-06 00:00"], hours.Select(p => p.Label));
    }

    [Fact]
    public void A_night_shift_across_midnight_is_one_bucket_and_the_next_night_another()
    {
        // night shift 22:00–06:00 Shanghai = 14:00–22:00 UTC; minutes outside every shift belong to no shift bucket
        var minutes = new List<KpiMinute>();
        for (var h = 14; h < 22; h++) minutes.Add(Minute(PressA, Utc(1, 5, h), 60_000, 1, 0, 60, shift: "夜班"));
        for (var h = 14; h < 16; h++) minutes.Add(Minute(PressA, Utc(1, 6, h), 60_000, 2, 0, 30, shift: "夜班"));
        minutes.Add(Minute(PressA, Utc(1, 5, 23), 60_000, 5, 0, 12, shift: null));
        var points = Dashboards.Trend(KpiSlice.Of(minutes), DashboardBucket.Shift, Shanghai);
        Assert.Equal(["2026-01-05 夜班", "2026-01-06 夜班"], points.Select(p => p.Label));
        Assert.Equal(8, points[0].Figures.Good);
        Assert.Equal(4, points[1].Figures.Good);
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 22, 0, 0, TimeSpan.FromHours(8)), points[0].Start);
    }

    [Fact]
    public void The_table_has_one_row_per_bucket_and_group()
    {
        var slices = KpiSlice.Of([Minute(PressA, Utc(1, 5, 2), 60_000, 1, 0, 1), Minute(Lathe, Utc(1, 5, 2), 60_000, 1, 0, 1), Minute(PressA, Utc(1, 6, 2), 60_000, 1, 0, 1)]);
        var rows = Dashboards.Table(slices, DashboardBucket.Day, DashboardGroup.Line, Shanghai);
        Assert.Equal([("2026-01-05", "acme/ningbo/machining/line-2"), ("2026-01-05", "acme/ningbo/moulding/line-1"), ("2026-01-06", "acme/ningbo/moulding/line-1")],
            rows.Select(r => (r.Label, r.Group)));
    }

    [Fact]
    public void The_pareto_orders_reasons_longest_first_with_running_shares_and_names()
    {
        var names = DownReasonNames.Default.With(new Dictionary<int, ReasonName> { [7] = new("模具冷却", "mould cooling") });
        var bars = Pareto.Of([new(3, 30_000), new(1, 60_000), new(7, 30_000), new(3, 0), new(9, 0)], names, chinese: true);
        Assert.Equal([1, 3, 7], bars.Select(b => b.Reason)); // 3 and 7 tie: by code
        Assert.Equal(["缺料", "设备故障", "模具冷却"], bars.Select(b => b.Name));
        Assert.Equal([0.5, 0.25, 0.25], bars.Select(b => b.Share));
        Assert.Equal([0.5, 0.75, 1.0], bars.Select(b => b.CumulativeShare));
        Assert.Equal("reason 42", names.Name(42, chinese: false));
        Assert.Equal("no reason given", names.Name(0, chinese: false));
    }

    [Fact]
    public void The_csv_has_a_bom_a_header_in_the_language_and_quotes_what_needs_it()
    {
        var figures = KpiFigures.From(new KpiSums(60_000, 45_000, 15_000, 0, 0, 0, 9, 1, 40, 0.5));
        var rows = new[] { new TableRow(new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.FromHours(8)), "2026-01-05", "acme/a,b/c/d/=e", figures) };
        var zh = CsvExport.Write(rows, chinese: true);
        Assert.Equal(Encoding.UTF8.GetPreamble(), zh[..3]);
        var lines = Encoding.UTF8.GetString(zh[3..]).Split("\r\n");
        Assert.StartsWith("时段开始,时段,分组,OEE,可用率,性能效率,质量合格率,良品数", lines[0]);
        // A = 0.75, P = 40/45, Q = 0.9, OEE = 0.6; 45 s running = 0.75 min
        Assert.Equal("2026-01-05T00:00:00+08:00,2026-01-05,\"acme/a,b/c/d/=e\",0.6,0.75,0.8889,0.9,9,1,0.5,0.0556,1,0.75,0.25", lines[1]);
        Assert.Equal("", lines[2]);
        var en = Encoding.UTF8.GetString(CsvExport.Write([rows[0] with { Group = "=cmd" }], chinese: false)[3..]).Split("\r\n");
        Assert.StartsWith("period start,period,group,OEE", en[0]);
        Assert.Contains(",'=cmd,", en[1]); // a formula is written as text
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\")", "'=HYPERLINK(\"http://evil.example\")")]
    [InlineData("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(1)", "'@SUM(1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    [InlineData("'=1", "''=1")]
    [InlineData("'press", "'press")]
    [InlineData("line-1", "line-1")]
    public void Group_names_a_spreadsheet_would_run_are_written_as_text(string group, string written)
    {
        Assert.Equal(written, CsvExport.GuardFormula(group));
        var figures = KpiFigures.From(new KpiSums(60_000, 45_000, 15_000, 0, 0, 0, 9, 1, 40, 0.5));
        var csv = Encoding.UTF8.GetString(CsvExport.Write([new TableRow(DateTimeOffset.UnixEpoch, "p", group, figures)], chinese: false)[3..]);
        var field = csv.Split("\r\n", 2)[1][("1970-01-01T00:00:00+00:00,p,".Length)..];
        var quoted = written.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + written.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : written;
        Assert.StartsWith(quoted + ",", field, StringComparison.Ordinal);
    }

    [Fact]
    public void Live_machines_read_their_state_from_the_state_tag_and_unknown_when_it_is_not_usable()
    {
        var at = DateTimeOffset.UtcNow;
        LiveTag Tag(string path, TagRole role, double? value, TagQuality quality = TagQuality.Good) => new($"{path}.{role}", path, role, null, value, quality, at);
        var tags = new[]
        {
            Tag(PressA, TagRole.State, 3), Tag(PressA, TagRole.GoodCount, 120), Tag(PressA, TagRole.PowerKw, 11.5),
            Tag(PressB, TagRole.State, 1, TagQuality.Bad),
            Tag(Lathe, TagRole.State, 2.5),
        };
        var kpis = new Dictionary<string, KpiFigures> { [PressA] = KpiFigures.From(new KpiSums(60_000, 30_000, 30_000, 0, 0, 0, 3, 0, 30, null)), ["acme/ningbo/x/line-3/only-minutes"] = KpiFigures.From(KpiSums.Zero) };
        var machines = LiveMachines.From(tags, kpis, stale: false);
        Assert.Equal(["acme/ningbo/machining/line-2/cell-1/lathe", PressA, PressB, "acme/ningbo/x/line-3/only-minutes"], machines.Select(m => m.AssetPath));
        var a = machines[1];
        Assert.Equal((MachineActivity.Down, "#c0392b", 120.0, 11.5, "press-a", "acme/ningbo/moulding/line-1"), (a.State, a.Colour, a.GoodCounter!.Value, a.PowerKw!.Value, a.Name, a.Line));
        Assert.Equal(0.5, a.Kpis!.Availability!.Value, 9);
        Assert.Equal(MachineActivity.Unknown, machines[2].State);  // bad quality
        Assert.Equal(MachineActivity.Unknown, machines[0].State);  // 2.5 is no state code
        Assert.Equal(MachineActivity.Unknown, machines[3].State);  // no state tag
        Assert.All(LiveMachines.From(tags, kpis, stale: true), m => Assert.Equal(MachineActivity.Unknown, m.State));
    }

    [Theory]
    [InlineData("hour", true, DashboardBucket.Hour)]
    [InlineData("Week", true, DashboardBucket.Week)]
    [InlineData("month", false, DashboardBucket.Hour)]
    [InlineData("2", false, DashboardBucket.Hour)]
    public void Bucket_names_are_parsed_strictly(string text, bool ok, DashboardBucket expected)
    {
        Assert.Equal(ok, Buckets.TryParse(text, out var bucket));
        if (ok) Assert.Equal(expected, bucket);
    }
}
