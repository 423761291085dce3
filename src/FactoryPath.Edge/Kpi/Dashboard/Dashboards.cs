namespace FactoryPath.Edge.Kpi.Dashboard;

/// <summary>One group's figures (a machine, line or site).</summary>
public sealed record GroupFigures(string Group, string Name, KpiFigures Figures);

/// <summary>One point of a trend: a bucket's figures over every machine taken together.</summary>
public sealed record TrendPoint(DateTimeOffset Start, string Label, KpiFigures Figures);

/// <summary>One row of the export: a bucket × a group.</summary>
public sealed record TableRow(DateTimeOffset Start, string Label, string Group, KpiFigures Figures);

/// <summary>
/// The dashboards' arithmetic, shared by the gateway's page and the platform: sums slices per group, per bucket, or
/// per both, and only then takes the ratios.
/// </summary>
public static class Dashboards
{
    public static IReadOnlyList<GroupFigures> Summary(IEnumerable<KpiSlice> slices, DashboardGroup group)
    {
        ArgumentNullException.ThrowIfNull(slices);
        return slices.GroupBy(s => DashboardGroups.KeyOf(s.AssetPath, group), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new GroupFigures(g.Key, DashboardGroups.NameOf(g.Key), KpiFigures.From(Sum(g))))
            .ToList();
    }

    public static KpiFigures Total(IEnumerable<KpiSlice> slices) => KpiFigures.From(Sum(slices));

    public static IReadOnlyList<TrendPoint> Trend(IEnumerable<KpiSlice> slices, DashboardBucket bucket, TimeZoneInfo zone) =>
        Buckets.Assign(slices, bucket, zone)
            .GroupBy(a => a.Key)
            .OrderBy(g => g.Key.Start).ThenBy(g => g.Key.Label, StringComparer.Ordinal)
            .Select(g => new TrendPoint(g.Key.Start, g.Key.Label, KpiFigures.From(Sum(g.Select(a => a.Slice)))))
            .ToList();

    public static IReadOnlyList<TableRow> Table(IEnumerable<KpiSlice> slices, DashboardBucket bucket, DashboardGroup group, TimeZoneInfo zone) =>
        Buckets.Assign(slices, bucket, zone)
            .GroupBy(a => (a.Key, Group: DashboardGroups.KeyOf(a.Slice.AssetPath, group)))
            .OrderBy(g => g.Key.Key.Start).ThenBy(g => g.Key.Key.Label, StringComparer.Ordinal).ThenBy(g => g.Key.Group, StringComparer.Ordinal)
            .Select(g => new TableRow(g.Key.Key.Start, g.Key.Key.Label, g.Key.Group, KpiFigures.From(Sum(g.Select(a => a.Slice)))))
            .ToList();

    private static KpiSums Sum(IEnumerable<KpiSlice> slices) => slices.Aggregate(KpiSums.Zero, (sum, s) => sum.Plus(s.Sums));
}
