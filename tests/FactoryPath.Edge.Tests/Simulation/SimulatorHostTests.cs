using System.Globalization;
using FactoryPath.Edge.Simulation;
using FactoryPath.Edge.Simulation.Scenario;

namespace FactoryPath.Edge.Tests.Simulation;

/// <summary>The demo factory served by <see cref="SimulatorHost"/>, read by libmodbus as a gateway would.</summary>
[Collection(LibmodbusProbeCollection.Name)]
public sealed class SimulatorHostTests(LibmodbusProbe probe)
{
    [Fact]
    public async Task Libmodbus_ReadsTheDocumentedRegisters_OfEveryDemoMachine()
    {
        await using var host = new SimulatorHost(ScenarioLoader.LoadDemo(), new SimulatorHostOptions { RealTime = false });
        await host.StartAsync();
        host.Simulation.Step(TimeSpan.FromMinutes(6)); // press-1 is in its scripted material shortage (minutes 5–8)

        foreach (var machine in host.Machines)
        {
            var unit = machine.UnitId;
            var lines = probe.Query(host.Port, $"{unit}:rhr:0:16", $"{unit}:rir:0:16", $"{unit}:rc:0:3", $"{unit}:rdi:0:3",
                $"{unit}:fabcd:8", $"{unit}:fcdab:8", $"{unit}:fcdab:10");
            var holding = LibmodbusProbe.Values(lines[0]);
            var values = machine.Values;

            Assert.Equal(holding, LibmodbusProbe.Values(lines[1]));
            Assert.Equal((long)values.State, holding[0]);
            Assert.Equal(values.DownReason, holding[1]);
            Assert.Equal((long)machine.Type, holding[15]);
            Assert.Equal((long)values.Alarms, holding[14]);
            Assert.Equal(Math.Round(values.TemperatureC * 10), (short)holding[12]);
            var alarmBits = Enumerable.Range(0, 3).Select(bit => ((int)values.Alarms >> bit) & 1L).ToArray();
            Assert.Equal(alarmBits, LibmodbusProbe.Values(lines[2]));
            Assert.Equal(alarmBits, LibmodbusProbe.Values(lines[3]));

            if (machine.Type == MachineType.EnergyMeter)
            {
                // the meter's floats are word-swapped (CDAB)
                Assert.Equal(values.PowerKw, Float(lines[5]), 0.001 * values.PowerKw);
                Assert.Equal(values.EnergyKwh, Float(lines[6]), 0.01);
            }
            else
            {
                Assert.Equal(values.PowerKw, Float(lines[4]), 0.001 * Math.Max(1, values.PowerKw));
                Assert.Equal(Math.Floor(values.EnergyKwh * 10), (holding[10] << 16) | holding[11]);
            }

            if (machine.Type.MakesParts())
            {
                Assert.Equal(values.GoodCount, (uint)((holding[2] << 16) | holding[3]));
                Assert.Equal(values.ScrapCount, (uint)((holding[4] << 16) | holding[5]));
            }
        }

        var press = host.Machines.Single(m => m.Id == "press-1").Values;
        Assert.Equal((MachineState.Down, DownReasons.MaterialShortage), (press.State, press.DownReason));
    }

    [Fact]
    public async Task InRealTime_TheClockAdvances_AndCountersGrow()
    {
        var demo = ScenarioLoader.LoadDemo();
        await using var host = new SimulatorHost(demo with { Acceleration = 600 }, new SimulatorHostOptions());
        await host.StartAsync();
        var press = host.Machines.Single(m => m.Id == "press-1");
        var start = press.Values.GoodCount + press.Values.ScrapCount;

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (press.Values.GoodCount + press.Values.ScrapCount < start + 3)
        {
            Assert.True(DateTime.UtcNow < deadline, $"no parts within 60 s at 600× (simulated {host.Simulation.Now})");
            await Task.Delay(50);
        }

        var lines = probe.Query(host.Port, "1:rhr:2:2");
        var good = LibmodbusProbe.Values(lines[0]);
        Assert.True(((good[0] << 16) | good[1]) >= 65_500);
    }

    [Fact]
    public async Task CountersReadWhileTheSimulationSteps_AreNeverTorn_AcrossTheWordBoundary()
    {
        var scenario = ScenarioLoader.Parse("""
            seed: 2
            machines:
              - { id: fast, type: cnc, unitId: 1, cycleSeconds: 0.2, cycleJitter: 0, start: { goodCount: 65000 } }
            """, "fast.yaml");
        await using var host = new SimulatorHost(scenario, new SimulatorHostOptions { RealTime = false });
        await host.StartAsync();
        using var client = await RawModbusSocket.ConnectAsync(host.Port);

        // 5 parts per simulated second: the good counter crosses 65536 (its low word wraps) after about 107 s.
        var stepping = Task.Run(() =>
        {
            for (var i = 0; i < 600; i++)
            {
                host.Simulation.Step(TimeSpan.FromSeconds(1));
            }
        });
        var last = 0u;
        var reads = 0;
        ushort transaction = 0;
        while (!stepping.IsCompleted || reads == 0)
        {
            var words = await client.ReadHoldingRegistersAsync(1, ++transaction, 2, 2);
            var good = (uint)(words[0] << 16 | words[1]);
            Assert.True(good >= last, $"good count read {good} after {last}: a half-written value");
            last = good;
            reads++;
        }

        await stepping;
        var final = await client.ReadHoldingRegistersAsync(1, ++transaction, 2, 2);
        Assert.Equal(host.Machines[0].Values.GoodCount, (uint)(final[0] << 16 | final[1]));
        Assert.True(host.Machines[0].Values.GoodCount > 65_536);
    }

    private static double Float(string line)
    {
        Assert.StartsWith("OK ", line);
        return double.Parse(line[3..], CultureInfo.InvariantCulture);
    }
}
