using FactoryPath.Edge.Simulation;
using FactoryPath.Edge.Simulation.Scenario;

namespace FactoryPath.Edge.Tests.Simulation;

public sealed class SimulatedMachineTests
{
    private static MachineSimulation Simulate(string yaml) => new(ScenarioLoader.Parse(yaml, "test.yaml"));

    [Fact]
    public void SameSeed_AndSameTotalTime_GiveTheSameRegisters_HoweverTheTimeIsStepped()
    {
        var whole = new MachineSimulation(ScenarioLoader.LoadDemo());
        var pieces = new MachineSimulation(ScenarioLoader.LoadDemo());

        whole.Step(TimeSpan.FromHours(6));
        var random = new Random(99);
        var left = TimeSpan.FromHours(6);
        while (left > TimeSpan.Zero)
        {
            var step = TimeSpan.FromMilliseconds(Math.Min(random.Next(1, 400_000), left.TotalMilliseconds));
            pieces.Step(step);
            left -= step;
        }

        Assert.Equal(TimeSpan.FromHours(6), pieces.Now);
        Assert.Equal(Registers(whole), Registers(pieces));
        Assert.Equal(whole.Machines.Select(m => m.Values), pieces.Machines.Select(m => m.Values));
    }

    [Fact]
    public void AnotherSeed_GivesOtherRegisters()
    {
        var demo = ScenarioLoader.LoadDemo();
        var a = new MachineSimulation(demo);
        var b = new MachineSimulation(demo with { Seed = demo.Seed + 1 });

        a.Step(TimeSpan.FromHours(6));
        b.Step(TimeSpan.FromHours(6));

        Assert.NotEqual(Registers(a), Registers(b));
    }

    [Fact]
    public void Counters_OnlyGrow_ExceptAtTheirRollover_WhichIsReached()
    {
        var simulation = Simulate("""
            seed: 5
            tickMilliseconds: 500
            machines:
              - { id: cnc-9, type: cnc, unitId: 1, cycleSeconds: 2, scrapRate: 0.3, mtbfMinutes: 30, mttrMinutes: 2,
                  start: { goodCount: 4294967000, scrapCount: 65500 } }
            """);
        var point = MachineRegisterMap.For(MachineType.Cnc);
        var good = point.Single(p => p.Name == "good_count");
        var scrap = point.Single(p => p.Name == "scrap_count");
        var bank = simulation.Banks[1];
        uint lastGood = 4294967000, lastScrap = 65500;
        bool goodWrapped = false, scrapLowWordWrapped = false;

        for (var second = 0; second < 3600; second++)
        {
            var lastScrapLow = (ushort)lastScrap;
            simulation.Step(TimeSpan.FromSeconds(1));
            var (g, s) = bank.Read(t => (
                (uint)MachineRegisterMap.Decode(good, t.HoldingRegisters.Slice(2, 2)),
                (uint)MachineRegisterMap.Decode(scrap, t.HoldingRegisters.Slice(4, 2))));
            if (g < lastGood)
            {
                Assert.True(lastGood > uint.MaxValue - 10 && g < 10, $"good count went from {lastGood} to {g}");
                goodWrapped = true;
            }

            Assert.True(s >= lastScrap, $"scrap count went from {lastScrap} to {s}");
            scrapLowWordWrapped |= (ushort)s < lastScrapLow;
            (lastGood, lastScrap) = (g, s);
        }

        Assert.True(goodWrapped, "the 32-bit good counter never rolled over");
        Assert.True(scrapLowWordWrapped, "the low word of the scrap counter never rolled over");
        Assert.True(lastScrap > 65_536);
    }

    [Fact]
    public void ScrapRatio_OverALongRun_IsNearTheConfiguredRate()
    {
        var simulation = Simulate("""
            seed: 77
            tickMilliseconds: 1000
            machines:
              - { id: press-7, type: injection_moulding, unitId: 1, cycleSeconds: 12, scrapRate: 0.04,
                  mtbfMinutes: 120, mttrMinutes: 10, idle: { everyMinutes: 60, minutes: 5 }, changeover: { everyParts: 500, minutes: 20 } }
            """);

        simulation.Step(TimeSpan.FromDays(5));

        var values = simulation.Machines[0].Values;
        var parts = (double)values.GoodCount + values.ScrapCount;
        Assert.True(parts > 20_000, $"only {parts} parts in 5 days");
        // 4 standard deviations of a binomial proportion with p = 0.04 and n > 20,000 is under 0.0056.
        Assert.InRange(values.ScrapCount / parts, 0.04 - 0.0056, 0.04 + 0.0056);
    }

    [Fact]
    public void ScriptedDownEvent_HappensAtItsTime_WithItsReason_ForItsDuration()
    {
        var simulation = Simulate("""
            seed: 1
            machines:
              - { id: press-1, type: injection_moulding, unitId: 1, cycleSeconds: 30 }
              - { id: cnc-1, type: cnc, unitId: 2, cycleSeconds: 60 }
            events:
              - { atMinutes: 5, machine: press-1, state: down, reason: 1, durationMinutes: 3 }
              - { atMinutes: 6, machine: cnc-1, state: changeover, durationMinutes: 1 }
            """);
        var press = simulation.Machines[0];
        var tick = simulation.Scenario.Tick;

        simulation.Step(TimeSpan.FromMinutes(5) - tick);
        Assert.Equal(MachineState.Running, press.Values.State);
        var goodBefore = press.Values.GoodCount;

        simulation.Step(tick);
        Assert.Equal((MachineState.Down, DownReasons.MaterialShortage), (press.Values.State, press.Values.DownReason));
        Assert.True(simulation.Banks[1].Read(t => t.Coils[0] && t.DiscreteInputs[0] && t.HoldingRegisters[0] == 3 && t.HoldingRegisters[1] == 1));

        simulation.Step(TimeSpan.FromMinutes(1));
        Assert.Equal(MachineState.Changeover, simulation.Machines[1].Values.State);
        Assert.Equal(0, simulation.Machines[1].Values.DownReason);

        simulation.Step(TimeSpan.FromMinutes(2) - tick);
        Assert.Equal(MachineState.Down, press.Values.State);
        Assert.Equal(goodBefore, press.Values.GoodCount);

        simulation.Step(tick);
        Assert.Equal((MachineState.Running, DownReasons.None), (press.Values.State, press.Values.DownReason));
        Assert.Equal(MachineState.Running, simulation.Machines[1].Values.State);
        Assert.False(simulation.Banks[1].Read(t => t.Coils[0]));

        simulation.Step(TimeSpan.FromMinutes(1));
        Assert.True(press.Values.GoodCount > goodBefore);
    }

    [Fact]
    public void Energy_IsTheIntegralOfPower_TickByTick()
    {
        var simulation = Simulate("""
            seed: 3
            tickMilliseconds: 250
            machines:
              - { id: air-1, type: air_compressor, unitId: 1, mtbfMinutes: 20, mttrMinutes: 3, idle: { everyMinutes: 4, minutes: 2 },
                  start: { energyKwh: 1000 } }
            """);
        var machine = simulation.Machines[0];
        var tickHours = simulation.Scenario.Tick.TotalHours;
        var integral = 0.0;
        var states = new HashSet<MachineState>();

        for (var i = 0; i < 4 * 3600 * 2; i++)
        {
            simulation.Step(simulation.Scenario.Tick);
            integral += machine.Values.PowerKw * tickHours;
            states.Add(machine.Values.State);
        }

        Assert.Equal([MachineState.Running, MachineState.Idle, MachineState.Down], states.Order());
        Assert.Equal(1000 + integral, machine.Values.EnergyKwh, 1e-6);
        Assert.InRange(integral, 0.98 * 0.5 * 2, 1.02 * 37 * 2); // between all-down and all-running for two hours
        var energy = MachineRegisterMap.For(MachineType.AirCompressor).Single(p => p.Name == "energy");
        var register = simulation.Banks[1].Read(t => MachineRegisterMap.Decode(energy, t.HoldingRegisters.Slice(10, 2)));
        Assert.Equal(Math.Floor(machine.Values.EnergyKwh * 10) / 10, register, 1e-9);
    }

    [Fact]
    public void EnergyMeter_ReadsItsBaseLoad_PlusThePowerOfTheMachinesItMeasures()
    {
        var simulation = new MachineSimulation(ScenarioLoader.LoadDemo());
        var meter = simulation.Machines.Single(m => m.Type == MachineType.EnergyMeter);
        var measured = simulation.Machines.Where(m => meter.Spec.Measures.Contains(m.Id)).ToList();
        Assert.Equal(3, measured.Count);

        for (var minute = 0; minute < 240; minute++)
        {
            simulation.Step(TimeSpan.FromMinutes(1));
            var expected = meter.Spec.Power.RunningKw + measured.Sum(m => m.Values.PowerKw);
            Assert.InRange(meter.Values.PowerKw, expected * 0.98 - 1e-9, expected * 1.02 + 1e-9);
        }
    }

    [Fact]
    public void DemoFactory_ShowsEveryAlarmFlag_WithinAShift()
    {
        var simulation = new MachineSimulation(ScenarioLoader.LoadDemo());
        var seen = simulation.Machines.ToDictionary(m => m.Id, _ => AlarmFlags.None);

        for (var minute = 0; minute < 8 * 60; minute++)
        {
            simulation.Step(TimeSpan.FromMinutes(1));
            foreach (var machine in simulation.Machines)
            {
                seen[machine.Id] |= machine.Values.Alarms;
                Assert.Equal(machine.Values.State == MachineState.Down, machine.Values.Alarms.HasFlag(AlarmFlags.Down));
                Assert.Equal(machine.Values.TemperatureC > machine.Spec.Temperature.AlarmC, machine.Values.Alarms.HasFlag(AlarmFlags.OverTemperature));
            }
        }

        Assert.Equal(AlarmFlags.Down | AlarmFlags.Quality, seen["press-1"] & (AlarmFlags.Down | AlarmFlags.Quality));
        Assert.True(seen["compressor-1"].HasFlag(AlarmFlags.OverTemperature), "the compressor never overheated in 8 hours");
    }

    [Fact]
    public void Changeovers_FollowEveryNParts()
    {
        var simulation = Simulate("""
            seed: 11
            machines:
              - { id: cnc-2, type: cnc, unitId: 1, cycleSeconds: 10, cycleJitter: 0, changeover: { everyParts: 50, minutes: 5 } }
            """);
        var machine = simulation.Machines[0];
        var changeovers = 0;
        var previous = machine.Values.State;

        for (var i = 0; i < 3 * 3600; i++)
        {
            simulation.Step(TimeSpan.FromSeconds(1));
            if (machine.Values.State == MachineState.Changeover && previous != MachineState.Changeover)
            {
                Assert.Equal(0u, machine.Values.GoodCount % 50);
                changeovers++;
            }

            previous = machine.Values.State;
        }

        // 3 h = 10,800 s; each round is 50 parts × 10 s + 300 s changeover = 800 s
        Assert.Equal(13, changeovers);
    }

    private static ushort[] Registers(MachineSimulation simulation) =>
    [
        .. simulation.Banks.OrderBy(b => b.Key).SelectMany(b => b.Value.Read(t =>
            t.HoldingRegisters[..MachineRegisterMap.BlockSize].ToArray()
                .Concat(t.InputRegisters[..MachineRegisterMap.BlockSize].ToArray())
                .Concat(t.Coils[..MachineRegisterMap.CoilCount].ToArray().Select(c => c ? (ushort)1 : (ushort)0))
                .ToArray())),
    ];
}
