using System.Globalization;
using FactoryPath.Edge.Kpi;
using FactoryPath.Edge.Kpi.Dashboard;
using FactoryPath.Edge.Uplink.Contracts;

namespace FactoryPath.Edge.LocalPage;

/// <summary>The local page's answers, from the gateway's KPI minutes and live values, with the platform's dashboard code.</summary>
public sealed record LocalLive(DateTimeOffset From, DateTimeOffset To, string Period, string? Shift, bool KpisAvailable, KpiFigures Total, IReadOnlyList<LiveMachine> Machines);

public sealed record LocalSummary(DateTimeOffset From, DateTimeOffset To, DashboardGroup Group, KpiFigures Total, IReadOnlyList<GroupFigures> Groups);

public sealed record LocalTrend(DateTimeOffset From, DateTimeOffset To, DashboardBucket Bucket, IReadOnlyList<TrendPoint> Points);

public sealed record LocalPareto(DateTimeOffset From, DateTimeOffset To, long TotalDownMs, IReadOnlyList<ParetoBar> Bars);

/// <summary>
/// The gateway's dashboards: the same buckets, groups, Pareto and CSV as the platform's, over the minutes of
/// <see cref="IKpiSource"/> (none while the gateway has no KPI engine) and the live values of its unified namespace.
/// </summary>
public sealed class LocalDashboard(Func<IKpiSource?> kpis, Func<IReadOnlyList<LiveTag>> live, TimeZoneInfo zone, DownReasonNames reasons, TimeProvider clock)
{
    public const int MaxRangeDays = 92;

    public TimeZoneInfo Zone => zone;

    /// <summary>The time now, by the dashboard's clock.</summary>
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Checks a range given as ISO 8601 instants; without one, today in the factory's time zone.</summary>
    public (DateTimeOffset From, DateTimeOffset To)? Range(string? from, string? to, out string? error)
    {
        error = null;
        DateTimeOffset? Parse(string? text, string name, ref string? problem)
        {
            if (string.IsNullOrEmpty(text)) return null;
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)) return value;
            problem = $"{name} must be an ISO 8601 time, e.g. 2026-11-24T00:00:00+08:00 (was '{text}')";
            return null;
        }
        var start = Parse(from, "from", ref error);
        var end = Parse(to, "to", ref error);
        if (error is not null) return null;
        var today = Buckets.StartOfDay(clock.GetUtcNow(), zone);
        var f = start ?? (end is { } e1 ? e1.AddDays(-1) : today);
        var t = end ?? (start is { } s1 ? s1.AddDays(1) : today.AddDays(1));
        if (t <= f) error = "to must be later than from";
        else if (t - f > TimeSpan.FromDays(MaxRangeDays)) error = $"a range covers at most {MaxRangeDays} days";
        return error is null ? (TimeZoneInfo.ConvertTime(f, zone), TimeZoneInfo.ConvertTime(t, zone)) : null;
    }

    public LocalSummary Summary(DateTimeOffset from, DateTimeOffset to, DashboardGroup group)
    {
        var slices = Slices(from, to);
        return new LocalSummary(from, to, group, Dashboards.Total(slices), Dashboards.Summary(slices, group));
    }

    public LocalTrend Trend(DateTimeOffset from, DateTimeOffset to, DashboardBucket bucket) =>
        new(from, to, bucket, Dashboards.Trend(Slices(from, to), bucket, zone));

    public LocalPareto Pareto(DateTimeOffset from, DateTimeOffset to, bool chinese)
    {
        var minutes = Minutes(from, to);
        var byReason = minutes.SelectMany(m => m.DownMsByReason).ToList();
        return new LocalPareto(from, to, byReason.Sum(r => r.Value), Kpi.Dashboard.Pareto.Of(byReason, reasons, chinese));
    }

    public byte[] Export(DateTimeOffset from, DateTimeOffset to, DashboardBucket bucket, DashboardGroup group, bool chinese) =>
        CsvExport.Write(Dashboards.Table(Slices(from, to), bucket, group, zone), chinese);

    /// <summary>Each machine now, with its KPIs over the current shift (the run of the newest minute's shift), or today.</summary>
    public LocalLive Live()
    {
        var today = Buckets.StartOfDay(clock.GetUtcNow(), zone);
        var source = kpis();
        var minutes = source?.Minutes(today.AddHours(-12), today.AddDays(1)) ?? [];
        var slices = KpiSlice.Of(minutes).ToList();
        var latest = slices.Where(s => s.Start >= clock.GetUtcNow().AddHours(-2)).MaxBy(s => s.Start);
        DateTimeOffset from = today, to = today.AddDays(1);
        string? shift = null;
        var current = slices.Where(s => s.Start >= today).ToList();
        if (latest is { Shift: { } name })
        {
            var runs = Buckets.Assign(slices.Where(s => s.Shift == name), DashboardBucket.Shift, zone);
            var key = runs.First(r => ReferenceEquals(r.Slice, latest)).Key;
            current = runs.Where(r => r.Key == key).Select(r => r.Slice).ToList();
            (from, to, shift) = (key.Start, TimeZoneInfo.ConvertTime(clock.GetUtcNow().AddMinutes(1), zone), name);
        }
        var byMachine = Dashboards.Summary(current, DashboardGroup.Machine).ToDictionary(g => g.Group, g => g.Figures, StringComparer.Ordinal);
        return new LocalLive(from, to, shift is null ? "day" : "shift", shift, source is not null, Dashboards.Total(current), LiveMachines.From(live(), byMachine, stale: false));
    }

    private IReadOnlyList<KpiMinute> Minutes(DateTimeOffset from, DateTimeOffset to) => kpis()?.Minutes(from, to) ?? [];

    private List<KpiSlice> Slices(DateTimeOffset from, DateTimeOffset to) => KpiSlice.Of(Minutes(from, to)).ToList();
}
