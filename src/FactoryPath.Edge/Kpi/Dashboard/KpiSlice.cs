using FactoryPath.Edge.Model;
using FactoryPath.Edge.Uplink.Contracts;

namespace FactoryPath.Edge.Kpi.Dashboard;

/// <summary>
/// The sums of one machine over a stretch of minutes inside one hour and one shift: the unit the dashboards bucket and
/// group. The platform reads these from SQL (GROUP BY machine, hour, shift); the gateway makes them from its minutes.
/// </summary>
/// <param name="AssetPath">The machine's ISA-95 path.</param>
/// <param name="Start">The first minute of the slice (UTC); bucketing uses it, so a slice must not cross an hour.</param>
/// <param name="Shift">The shift name of the slice's minutes; null outside every shift.</param>
public sealed record KpiSlice(string AssetPath, DateTimeOffset Start, string? Shift, KpiSums Sums)
{
    /// <summary>One slice per minute.</summary>
    public static IEnumerable<KpiSlice> Of(IEnumerable<KpiMinute> minutes) =>
        minutes.Select(m => new KpiSlice(m.AssetPath, m.PeriodStart, m.Shift, KpiSums.Of(m)));
}

/// <summary>How wide a dashboard bucket is.</summary>
public enum DashboardBucket
{
    Hour,
    Shift,
    Day,
    Week,
}

/// <summary>Which ISA-95 level machines are grouped by.</summary>
public enum DashboardGroup
{
    Machine,
    Line,
    Site,
}

public static class DashboardGroups
{
    /// <summary>
    /// The group a machine belongs to: the machine's path itself, its line (enterprise/site/area/line) or its site
    /// (enterprise/site). A path that is not an asset path stands for itself at every level.
    /// </summary>
    public static string KeyOf(string assetPath, DashboardGroup group)
    {
        if (group == DashboardGroup.Machine) return assetPath;
        var path = AssetPath.TryParse(assetPath, out _);
        if (path is null) return assetPath;
        return group == DashboardGroup.Line
            ? $"{path.Enterprise}/{path.Site}/{path.Area}/{path.Line}"
            : $"{path.Enterprise}/{path.Site}";
    }

    /// <summary>The last level of a group key (the machine's, line's or site's own name).</summary>
    public static string NameOf(string key)
    {
        var slash = key.LastIndexOf('/');
        return slash < 0 ? key : key[(slash + 1)..];
    }

    public static bool TryParse(string? text, out DashboardGroup group)
    {
        group = DashboardGroup.Machine;
        return text is not null && Enum.TryParse(text, ignoreCase: true, out group) && Enum.IsDefined(group) && !int.TryParse(text, out _);
    }
}
