using FactoryPath.Edge.Configuration;
using FactoryPath.Edge.Gateway;
using FactoryPath.Edge.Kpi;
using FactoryPath.Edge.Simulation;
using FactoryPath.Edge.Simulation.Scenario;

namespace FactoryPath.Edge.Tests.Kpi;

/// <summary>
/// The demo gateway (the configuration the one-command demo runs) against the simulator over real Modbus TCP: its
/// producing machines get KPIs, and the gateway's <see cref="GatewayHost.Kpis"/> shows their minute in progress.
/// </summary>
public sealed class KpiGatewayEndToEndTests : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("fp-kpi-").FullName;
    private SimulatorHost simulator = null!;

    public async Task InitializeAsync()
    {
        simulator = new SimulatorHost(ScenarioLoader.LoadDemo());
        await simulator.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await simulator.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task The_demo_gateway_makes_kpi_minutes_for_its_producing_machines()
    {
        var yaml = SimulatorGatewayConfig.Yaml(simulator.Machines, "127.0.0.1", simulator.Port, "gw-kpi", Path.Combine(folder, "store.duckdb"), acceleration: simulator.Simulation.Scenario.Acceleration);
        var config = GatewayConfigLoader.Parse(yaml, "demo.yaml", folder);
        var producing = simulator.Machines.Where(m => m.Spec.CycleSeconds > 0).Select(m => SimulatorGatewayConfig.Path(m)).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(producing);
        Assert.Equal(producing, config.KpiEquipment.Select(e => e.Path.ToString()).Order(StringComparer.Ordinal));
        Assert.NotNull(config.Calendar);
        // every hour of the day is in a shift (the meal breaks are planned stops)
        var today = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero);
        Assert.All(Enumerable.Range(0, 24), h => Assert.NotNull(config.Calendar!.ShiftAt(today.AddHours(h))));

        // the demo's meal breaks are planned stops: a run during one would have no planned busy time and nothing to
        // measure, so this run keeps the shifts and drops the breaks
        config = config with { Calendar = new ShiftCalendar(config.Calendar!.TimeZone, config.Calendar.Shifts, []) };

        await using var host = await GatewayHost.StartAsync(config);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var now = DateTimeOffset.UtcNow;
            var minutes = host.Kpis.Minutes(now.AddMinutes(-5), now.AddMinutes(1));
            if (producing.All(p => minutes.Any(m => m.AssetPath == p)))
            {
                        Assert.All(minutes, m => Assert.Contains(m.AssetPath, producing));
                Assert.All(minutes, m => Assert.True(m.Shift is "day" or "night", m.Shift));
                Assert.All(minutes, m => Assert.Equal(m.PlannedBusyMs, m.RunningMs + m.DownMs + m.IdleMs + m.SetupMs + m.UnknownMs));
                Assert.All(minutes, m => Assert.InRange(m.IdealCycleSeconds, 1, 600));
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, "no KPI minute in progress for every producing machine within 60 s");
            await Task.Delay(200);
        }

        Assert.Equal(0, host.KpiMinutes.Engine.Health().FutureSamples);

        // the gateway measures real time while the simulator runs faster: the ideal cycle is scaled with it, so the
        // press's effectiveness over its first parts is near the 0.9 the demo aims at (a missed scaling gives ~9)
        var press = producing.First(p => p.EndsWith("press-1", StringComparison.Ordinal));
        var until = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var now = DateTimeOffset.UtcNow;
            var totals = KpiTotals.Of(host.Kpis.Minutes(now.AddMinutes(-10), now.AddMinutes(1)).Where(m => m.AssetPath == press));
            if (totals.Good + totals.Scrap >= 10 && totals.RunningMs > 0)
            {
                Assert.InRange(totals.ToKpis().Effectiveness!.Value, 0.5, 1.5);
                break;
            }

            Assert.True(DateTime.UtcNow < until, $"the press made {totals.Good + totals.Scrap} parts in 120 s");
            await Task.Delay(500);
        }
    }
}
