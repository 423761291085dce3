using FactoryPath.Edge.Simulation;
using FactoryPath.Edge.Simulation.Scenario;

namespace FactoryPath.Edge.Tests.Simulation;

public sealed class ScenarioLoaderTests
{
    [Fact]
    public void DemoScenario_HasOneMachineOfEachType_OnDistinctUnits_AndItsScriptedEvent()
    {
        var demo = ScenarioLoader.LoadDemo();

        Assert.Equal(Enum.GetValues<MachineType>().Order(), demo.Machines.Select(m => m.Type).Order());
        Assert.Equal(demo.Machines.Count, demo.Machines.Select(m => m.UnitId).Distinct().Count());
        var down = Assert.Single(demo.Events);
        Assert.Equal(new ScriptedEvent(TimeSpan.FromMinutes(5), "press-1", MachineState.Down, DownReasons.MaterialShortage, TimeSpan.FromMinutes(3)), down);
        Assert.Equal(65500u, demo.Machines.Single(m => m.Id == "press-1").Start.GoodCount);
    }

    [Fact]
    public void ValidScenario_ReadsEveryKey()
    {
        var scenario = ScenarioLoader.Parse("""
            seed: -4
            acceleration: 60
            tickMilliseconds: 50
            machines:
              - id: m1
                type: injection_moulding
                unitId: 7
                baseAddress: 100
                cycleSeconds: 20.5
                cycleJitter: 0.1
                mtbfMinutes: 100
                mttrMinutes: 9
                scrapRate: 0.25
                idle: { everyMinutes: 30, minutes: 4 }
                changeover: { everyParts: 10, minutes: 15 }
                power: { runningKw: 40, idleKw: 10, downKw: 2, changeoverKw: 7 }
                temperature: { runningC: 200, idleC: 150, downC: 40, alarmC: 210 }
                downReasons: { 2: 1, 4: 3 }
                start: { goodCount: 4294967295, scrapCount: 65535, energyKwh: 12.5 }
              - { id: meter, type: energy_meter, unitId: 8, measures: [m1] }
            """, "full.yaml");

        Assert.Equal((-4, 60.0, TimeSpan.FromMilliseconds(50)), (scenario.Seed, scenario.Acceleration, scenario.Tick));
        var m = scenario.Machines[0];
        Assert.Equal(("m1", MachineType.InjectionMoulding, (byte)7, 100), (m.Id, m.Type, m.UnitId, m.BaseAddress));
        Assert.Equal((20.5, 0.1, 100.0, 9.0, 0.25), (m.CycleSeconds, m.CycleJitter, m.MtbfMinutes, m.MttrMinutes, m.ScrapRate));
        Assert.Equal((30.0, 4.0, 10, 15.0), (m.IdleEveryMinutes, m.IdleMinutes, m.ChangeoverEveryParts, m.ChangeoverMinutes));
        Assert.Equal(new PowerProfile(40, 10, 2, 7), m.Power);
        Assert.Equal(new TemperatureProfile(200, 150, 40, 210), m.Temperature);
        Assert.Equal(new Dictionary<ushort, double> { [2] = 1, [4] = 3 }, m.DownReasonWeights);
        Assert.Equal(new StartValues(uint.MaxValue, 65535, 12.5), m.Start);
        Assert.Equal(["m1"], scenario.Machines[1].Measures);
    }

    [Theory]
    [InlineData("""
        seed: 1
        machines:
          - { id: a, type: injection_moulding, unitId: 1, cycleSeconds: 10 }
          - { id: b, type: laser_cutter, unitId: 2 }
        """, 4, "unknown machine type 'laser_cutter'")]
    [InlineData("""
        seed: 1
        machines:
          - { id: a, type: cnc, unitId: 1, cycleSeconds: 10 }
          - { id: b, type: cnc, unitId: 1, cycleSeconds: 10 }
        """, 4, "duplicate unit id 1: 'a' (line 3)")]
    [InlineData("""
        seed: 1
        machines:
          - { id: a, type: cnc, unitId: 1, cycleSeconds: 10 }
          - { id: a, type: cnc, unitId: 2, cycleSeconds: 10 }
        """, 4, "duplicate machine id 'a'")]
    [InlineData("""
        seed: 1
        machines:
          - id: a
            type: cnc
            unitId: 1
            cycleSeconds: 10
            mttrMinutes: -5
        """, 7, "'mttrMinutes' is -5; it must be greater than 0")]
    [InlineData("""
        seed: 1
        machines:
          - id: a
            type: cnc
            unitId: 1
            cycleSeconds: -1
        """, 6, "'cycleSeconds' is -1")]
    [InlineData("""
        seed: 1
        machines:
          - { id: a, type: cnc, unitId: 1, cycleSeconds: 10, scrapRate: 1.5 }
        """, 3, "'scrapRate' is 1.5")]
    [InlineData("""
        seed: 1
        machines:
          - { id: a, type: cnc, unitId: 300, cycleSeconds: 10 }
        """, 3, "'unitId' is 300")]
    [InlineData("""
        seed: 1
        machines:
          - { id: a, type: cnc, unitId: 1, cycleSeconds: 10, baseAddress: 9990 }
        """, 3, "'baseAddress' is 9990")]
    [InlineData("""
        seed: 1
        machines:
          - { id: a, type: cnc, unitId: 1, cycleSeconds: 10, cycleTime: 5 }
        """, 3, "unknown key 'cycleTime' in a machine")]
    [InlineData("""
        seed: 1
        machines:
          - { id: a, type: cnc, unitId: 1 }
        """, 3, "missing key 'cycleSeconds'")]
    [InlineData("""
        seed: 1
        machines:
          - { id: a, type: air_compressor, unitId: 1, scrapRate: 0.1 }
        """, 3, "'scrapRate' applies to part-making machines")]
    [InlineData("""
        seed: 1
        machines:
          - { id: a, type: cnc, unitId: 1, cycleSeconds: 0.05 }
        """, 3, "shorter than one tick")]
    [InlineData("""
        seed: 1
        machines:
          - { id: a, type: cnc, unitId: 1, cycleSeconds: 10 }
        events:
          - { atMinutes: 5, machine: press-9, state: down, reason: 1, durationMinutes: 3 }
        """, 5, "event for unknown machine 'press-9'")]
    [InlineData("""
        seed: 1
        machines:
          - { id: a, type: cnc, unitId: 1, cycleSeconds: 10 }
        events:
          - { atMinutes: -1, machine: a, state: down, reason: 1, durationMinutes: 3 }
        """, 5, "'atMinutes' is -1")]
    [InlineData("""
        seed: 1
        machines:
          - { id: a, type: cnc, unitId: 1, cycleSeconds: 10 }
        events:
          - { atMinutes: 1, machine: a, state: down, durationMinutes: 3 }
        """, 5, "missing key 'reason'")]
    [InlineData("""
        seed: 1
        machines:
          - { id: a, type: cnc, unitId: 1, cycleSeconds: 10 }
        events:
          - { atMinutes: 1, machine: a, state: broken, durationMinutes: 3 }
        """, 5, "event state must be down, idle or changeover, not 'broken'")]
    [InlineData("""
        seed: 1
        machines:
          - { id: a, type: cnc, unitId: 1, cycleSeconds: 10 }
          - { id: m, type: energy_meter, unitId: 2, measures: [a, b] }
        """, 4, "energy meter 'm' measures unknown machine 'b'")]
    [InlineData("""
        seed: 1
        machines:
          - { id: a, type: cnc, unitId: 1, cycleSeconds: 10, downReasons: { 0: 1 } }
        """, 3, "down reason '0' must be a code 1–65535")]
    [InlineData("""
        machines:
          - { id: a, type: cnc, unitId: 1, cycleSeconds: 10 }
        """, 1, "missing key 'seed'")]
    [InlineData("""
        seed: 1
        machines: [ { id: a, type: cnc
        """, 3, "not valid YAML")]
    public void InvalidScenario_IsRefused_WithFileAndLine(string yaml, int line, string message)
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(yaml, "plant.yaml"));

        Assert.Contains(e.Errors, error => error.Line == line && error.Message.Contains(message, StringComparison.Ordinal));
        Assert.Contains($"plant.yaml:{line}:", e.Message);
    }

    [Fact]
    public void EveryError_IsReported_NotOnlyTheFirst()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse("""
            seed: 1
            machines:
              - { id: a, type: cnc, unitId: 1, cycleSeconds: -3 }
              - { id: b, type: robot, unitId: 2 }
            speed: 3
            """, "many.yaml"));

        Assert.Equal([3, 4, 5], e.Errors.Select(error => error.Line).Order());
    }

    [Fact]
    public void MissingFile_IsAScenarioError()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.yaml");

        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.LoadFile(path));

        Assert.StartsWith($"{path}:1:1: cannot read the scenario", e.Message);
    }
}
