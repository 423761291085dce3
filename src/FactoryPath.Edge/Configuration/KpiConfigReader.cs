using System.Globalization;
using FactoryPath.Edge.Configuration.Yaml;
using FactoryPath.Edge.Kpi;
using FactoryPath.Edge.Model;
using YamlDotNet.RepresentationModel;

namespace FactoryPath.Edge.Configuration;

/// <summary>
/// Reads the <c>kpi</c> section (state codes, the silence gap, the largest clock skew) and checks which equipment gets
/// KPIs: a machine needs a state tag and an <c>idealCycleTime</c>; one with production tags but either missing is a
/// warning (its KPIs are left out), not an error.
/// </summary>
internal static class KpiConfigReader
{
    private static readonly Dictionary<string, MachineActivity> Activities = new(StringComparer.Ordinal)
    {
        ["running"] = MachineActivity.Running,
        ["idle"] = MachineActivity.Idle,
        ["down"] = MachineActivity.Down,
        ["changeover"] = MachineActivity.Changeover,
        ["unknown"] = MachineActivity.Unknown,
    };

    public static KpiSettings Read(YamlConfigReader yaml, YamlMappingNode root)
    {
        if (yaml.Node(root, "kpi") is not { } node || yaml.Mapping(node, "kpi") is not { } map)
        {
            return KpiSettings.Default;
        }

        yaml.OnlyKeys(map, "kpi", "states", "stateGap", "maxClockSkew");
        var states = KpiSettings.Default.States;
        if (yaml.Node(map, "states") is { } statesNode && yaml.Mapping(statesNode, "kpi: 'states'") is { } statesMap)
        {
            var read = new Dictionary<int, MachineActivity>();
            foreach (var (key, value) in statesMap.Children)
            {
                var codeText = (key as YamlScalarNode)?.Value ?? string.Empty;
                if (!int.TryParse(codeText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var code))
                {
                    yaml.Error(key, $"kpi: state code '{codeText}' is not a whole number (write the code the state tag reports, e.g. 3: down)");
                    continue;
                }

                var name = (value as YamlScalarNode)?.Value ?? string.Empty;
                if (!Activities.TryGetValue(name, out var activity))
                {
                    yaml.Error(value, $"kpi: state {code} is '{name}', not one of {string.Join(", ", Activities.Keys)}");
                    continue;
                }

                read[code] = activity;
            }

            if (statesMap.Children.Count == 0)
            {
                yaml.Error(statesNode, "kpi: 'states' must map at least one state code to an activity");
            }

            states = read;
        }

        var gap = yaml.Duration(map, "stateGap", "kpi", TimeSpan.FromSeconds(10), TimeSpan.FromDays(1)) ?? KpiSettings.Default.StateGap;
        var skew = yaml.Duration(map, "maxClockSkew", "kpi", TimeSpan.Zero, TimeSpan.FromHours(1)) ?? KpiSettings.Default.MaxClockSkew;
        return new KpiSettings(states, gap, skew);
    }

    /// <summary>The warnings for equipment whose KPIs cannot be computed, and for a file without a calendar.</summary>
    public static List<ConfigError> Warnings(string file, YamlMappingNode root, IReadOnlyList<EquipmentConfig> equipment, IReadOnlyList<TagConfig> tags, ShiftCalendar? calendar)
    {
        var warnings = new List<ConfigError>();
        var production = new[] { TagRole.State, TagRole.GoodCount, TagRole.ScrapCount, TagRole.DownReason };
        var entries = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        if (root.Children.TryGetValue(new YamlScalarNode("equipment"), out var list) && list is YamlSequenceNode sequence)
        {
            foreach (var item in sequence.Children.OfType<YamlMappingNode>())
            {
                if (item.Children.TryGetValue(new YamlScalarNode("id"), out var id) && id is YamlScalarNode { Value: { } text })
                {
                    entries.TryAdd(text, item);
                }
            }
        }

        foreach (var machine in equipment)
        {
            var roles = tags.Where(t => t.Equipment == machine.Id).Select(t => t.Role).ToHashSet();
            if (!roles.Overlaps(production))
            {
                continue;
            }

            var at = entries.TryGetValue(machine.Id, out var node) ? node.Start : default;
            string? missing = (roles.Contains(TagRole.State), machine.IdealCycleTime is not null) switch
            {
                (false, false) => "has no state tag and no 'idealCycleTime'",
                (false, true) => "has no state tag",
                (true, false) => "has no 'idealCycleTime'",
                _ => null,
            };
            if (missing is not null)
            {
                warnings.Add(new ConfigError(file, (int)at.Line, (int)at.Column, $"equipment '{machine.Id}' {missing}: no KPIs are computed for it"));
            }
        }

        if (calendar is null && equipment.Any(e => e.IdealCycleTime is not null))
        {
            warnings.Add(new ConfigError(file, 1, 1, "there is no 'calendar': KPI minutes are computed but have no planned busy time, so availability and OEE stay empty"));
        }

        return warnings;
    }
}
