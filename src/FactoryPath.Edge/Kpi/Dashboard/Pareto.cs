namespace FactoryPath.Edge.Kpi.Dashboard;

/// <summary>One bar of the downtime Pareto: a reason, its down time, its share and the running share up to it.</summary>
public sealed record ParetoBar(int Reason, string Name, long DownMs, double Share, double CumulativeShare);

public static class Pareto
{
    /// <summary>Down time by reason, longest first (ties by code), with shares of the total; reasons with no time are left out.</summary>
    public static IReadOnlyList<ParetoBar> Of(IEnumerable<KeyValuePair<int, long>> downMsByReason, DownReasonNames names, bool chinese)
    {
        ArgumentNullException.ThrowIfNull(downMsByReason);
        ArgumentNullException.ThrowIfNull(names);
        var totals = downMsByReason.GroupBy(r => r.Key).Select(g => (Reason: g.Key, Ms: g.Sum(r => r.Value))).Where(r => r.Ms > 0)
            .OrderByDescending(r => r.Ms).ThenBy(r => r.Reason).ToList();
        var all = totals.Sum(r => (double)r.Ms);
        var running = 0L;
        var bars = new List<ParetoBar>(totals.Count);
        foreach (var (reason, ms) in totals)
        {
            running += ms;
            bars.Add(new ParetoBar(reason, names.Name(reason, chinese), ms, ms / all, running / all));
        }
        return bars;
    }
}
