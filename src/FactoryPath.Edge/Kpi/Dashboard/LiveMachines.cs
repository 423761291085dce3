using FactoryPath.Edge.Model;
using FactoryPath.Edge.Uplink.Contracts;

namespace FactoryPath.Edge.Kpi.Dashboard;

/// <summary>
/// One machine in the live factory view: where it sits, what it is doing now (from its state tag), its counters and
/// power now, and its KPIs over the chosen period.
/// </summary>
public sealed record LiveMachine(
    string AssetPath,
    string Site,
    string Line,
    string Name,
    MachineActivity State,
    string Colour,
    double? GoodCounter,
    double? ScrapCounter,
    double? PowerKw,
    DateTimeOffset? At,
    KpiFigures? Kpis);

public static class LiveMachines
{
    /// <summary>The colour key of the states, shared by every view: green running, amber idle, red down, blue changeover, grey unknown.</summary>
    public static string ColourOf(MachineActivity state) => state switch
    {
        MachineActivity.Running => "#2e9e44",
        MachineActivity.Idle => "#e0a800",
        MachineActivity.Down => "#c0392b",
        MachineActivity.Changeover => "#2e6fbf",
        _ => "#8a8f98",
    };

    /// <summary>
    /// The machines of the live tags and of the KPI groups, ordered by path. A state tag with bad quality, no value or a
    /// code that is not a known activity reads as unknown; so does a machine with no state tag, and every machine when
    /// <paramref name="stale"/> (the gateway is offline, so its last values are not "now").
    /// </summary>
    public static IReadOnlyList<LiveMachine> From(IEnumerable<LiveTag> tags, IReadOnlyDictionary<string, KpiFigures> kpisByMachine, bool stale)
    {
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(kpisByMachine);
        var byMachine = tags.Where(t => t is not null).GroupBy(t => t.AssetPath, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var paths = byMachine.Keys.Union(kpisByMachine.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var machines = new List<LiveMachine>();
        foreach (var path in paths)
        {
            var own = byMachine.GetValueOrDefault(path) ?? [];
            var state = stale ? MachineActivity.Unknown : StateOf(own.FirstOrDefault(t => t.Role == TagRole.State));
            double? Value(TagRole role) => own.FirstOrDefault(t => t.Role == role && t.Quality == TagQuality.Good)?.Value;
            var parsed = AssetPath.TryParse(path, out _);
            machines.Add(new LiveMachine(
                path,
                parsed is null ? path : DashboardGroups.KeyOf(path, DashboardGroup.Site),
                parsed is null ? path : DashboardGroups.KeyOf(path, DashboardGroup.Line),
                parsed?.Equipment ?? path,
                state,
                ColourOf(state),
                Value(TagRole.GoodCount),
                Value(TagRole.ScrapCount),
                Value(TagRole.PowerKw),
                own.Select(t => t.Timestamp).Max(),
                kpisByMachine.GetValueOrDefault(path)));
        }
        return machines;
    }

    private static MachineActivity StateOf(LiveTag? tag)
    {
        if (tag is not { Quality: TagQuality.Good, Value: { } value }) return MachineActivity.Unknown;
        var code = Math.Round(value);
        return code != value || !Enum.IsDefined(typeof(MachineActivity), (int)code) ? MachineActivity.Unknown : (MachineActivity)(int)code;
    }
}
