using FactoryPath.Edge.Uplink.Contracts;

namespace FactoryPath.Edge.Kpi;

/// <summary>The gateway's KPI minutes, for its local page and exports.</summary>
public interface IKpiSource
{
    /// <summary>
    /// The KPI minutes of every machine whose period starts in [<paramref name="from"/>, <paramref name="to"/>),
    /// ordered by asset path then period; the minute in progress (up to now) is included when it lies in the range.
    /// </summary>
    IReadOnlyList<KpiMinute> Minutes(DateTimeOffset from, DateTimeOffset to);
}
