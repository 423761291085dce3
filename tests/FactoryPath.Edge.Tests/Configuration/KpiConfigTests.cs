using FactoryPath.Edge.Configuration;
using FactoryPath.Edge.Kpi;

namespace FactoryPath.Edge.Tests.Configuration;

public sealed class KpiConfigTests
{
    private const string Base = """
        gateway: { id: gw-1 }
        equipment:
          - id: press-1
            path: acme/ningbo/moulding/line-1/press-1
            idealCycleTime: 28.5s
          - id: press-2
            path: acme/ningbo/moulding/line-1/press-2
          - id: oven
            path: acme/ningbo/moulding/line-1/oven
            idealCycleTime: 2m
        devices:
          - { name: broker, protocol: mqtt-json, host: localhost }
        tags:
          - { id: p1.state, device: broker, equipment: press-1, role: state, topic: t/p1, value: state }
          - { id: p2.state, device: broker, equipment: press-2, role: state, topic: t/p2, value: state }
          - { id: p2.good, device: broker, equipment: press-2, role: good_count, topic: t/p2, value: good }
          - { id: oven.good, device: broker, equipment: oven, role: good_count, topic: t/oven, value: good }
        """;

    private static GatewayConfig Load(string yaml) => GatewayConfigLoader.Parse(yaml, "edge.yaml", "/srv/edge");

    private static IReadOnlyList<ConfigError> Errors(string yaml) =>
        Assert.Throws<ConfigException>(() => Load(yaml)).Errors;

    [Fact]
    public void Cycle_times_and_the_kpi_section_are_read_and_machines_without_them_are_warnings()
    {
        var config = Load(Base + """

            kpi:
              states: { 1: running, 2: idle, 5: down, 6: changeover, 7: unknown }
              stateGap: 90s
              maxClockSkew: 5s
            """);

        Assert.Equal(TimeSpan.FromSeconds(28.5), config.Equipment[0].IdealCycleTime);
        Assert.Null(config.Equipment[1].IdealCycleTime);
        Assert.Equal(["press-1"], config.KpiEquipment.Select(e => e.Id));
        Assert.Equal(MachineActivity.Down, config.KpiSettings.ActivityOf(5));
        Assert.Equal(MachineActivity.Unknown, config.KpiSettings.ActivityOf(3));
        Assert.Equal(MachineActivity.Unknown, config.KpiSettings.ActivityOf(1.5));
        Assert.Equal((TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(5)), (config.KpiSettings.StateGap, config.KpiSettings.MaxClockSkew));

        // press-2 (line 6) has a state tag but no cycle time; the oven (line 8) a cycle time but no state tag; no calendar
        Assert.Equal(
        [
            "edge.yaml:6:5: equipment 'press-2' has no 'idealCycleTime': no KPIs are computed for it",
            "edge.yaml:8:5: equipment 'oven' has no state tag: no KPIs are computed for it",
            "edge.yaml:1:1: there is no 'calendar': KPI minutes are computed but have no planned busy time, so availability and OEE stay empty",
        ], config.Warnings.Select(w => w.ToString()));
    }

    [Fact]
    public void Without_a_kpi_section_the_simulator_codes_and_default_limits_apply()
    {
        var config = Load(Base);
        Assert.Same(KpiSettings.Default, config.KpiSettings);
        Assert.Equal(MachineActivity.Changeover, config.KpiSettings.ActivityOf(4));
    }

    [Fact]
    public void Mistakes_in_the_kpi_section_and_cycle_times_are_errors_with_their_place()
    {
        var errors = Errors(Base.Replace("idealCycleTime: 2m", "idealCycleTime: fast", StringComparison.Ordinal) + """

            kpi:
              states: { one: running, 3: broken }
              stateGap: 1s
              maxClockSkew: 2h
              window: 5m
            """);

        Assert.Equal(
        [
            "edge.yaml:10:21: equipment 'oven': 'idealCycleTime' 'fast' is not a duration such as 500ms, 2s, 5m, 12h or 7d",
            "edge.yaml:19:13: kpi: state code 'one' is not a whole number (write the code the state tag reports, e.g. 3: down)",
            "edge.yaml:19:30: kpi: state 3 is 'broken', not one of running, idle, down, changeover, unknown",
            "edge.yaml:20:13: kpi: 'stateGap' 1s is outside 10s–1d",
            "edge.yaml:21:17: kpi: 'maxClockSkew' 2h is outside 0ms–3600s",
            "edge.yaml:22:3: kpi has an unknown key 'window' (allowed: states, stateGap, maxClockSkew)",
        ], errors.Select(e => e.ToString()));
    }
}
