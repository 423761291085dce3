using System.CommandLine;
using System.Globalization;
using System.Net;
using FactoryPath.Edge.Simulation;
using FactoryPath.Edge.Simulation.Scenario;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace FactoryPath.Cli.Commands;

/// <summary>
/// <c>factorypath edge simulate [--scenario FILE] [--port N] [--address IP]</c>: serves simulated machines over Modbus TCP
/// until Ctrl+C. Without <c>--scenario</c> it runs the shipped demo factory.
/// </summary>
internal static class EdgeSimulateCommand
{
    public const int DefaultPort = 5020;

    public static Command Create()
    {
        var scenario = new Option<string?>("--scenario") { Description = "Scenario YAML file; default: the demo factory (four machines)" };
        var port = new Option<int>("--port") { Description = "TCP port; 0 picks a free one", DefaultValueFactory = _ => DefaultPort };
        var address = new Option<string>("--address") { Description = "Address to listen on; 0.0.0.0 serves other hosts", DefaultValueFactory = _ => "127.0.0.1" };
        var status = new Option<int>("--status-seconds") { Description = "Print every machine's state this often (real seconds); 0 prints nothing", DefaultValueFactory = _ => 10 };
        var simulate = new Command("simulate", "Serve simulated machines (injection moulding, CNC, air compressor, energy meter) over Modbus TCP")
        {
            scenario, port, address, status,
        };
        simulate.SetAction((parse, ct) => RunAsync(parse.GetValue(scenario), parse.GetValue(port), parse.GetValue(address)!,
            parse.GetValue(status), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct));
        return simulate;
    }

    private static async Task<int> RunAsync(string? scenarioPath, int port, string address, int statusSeconds, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (port is < 0 or > 65_535)
        {
            await error.WriteLineAsync($"--port {port} is outside 0–65535.");
            return 2;
        }

        if (statusSeconds < 0)
        {
            await error.WriteLineAsync($"--status-seconds {statusSeconds} must be 0 or more.");
            return 2;
        }

        if (!IPAddress.TryParse(address, out var ip))
        {
            await error.WriteLineAsync($"--address '{address}' is not an IP address.");
            return 2;
        }

        SimulationScenario scenario;
        try
        {
            scenario = scenarioPath is null ? ScenarioLoader.LoadDemo() : ScenarioLoader.LoadFile(scenarioPath);
        }
        catch (ScenarioException e)
        {
            await error.WriteLineAsync(e.Message);
            return 2;
        }

        // Warnings only: a dropped connection (malformed frame) or a refused one is worth seeing; routine traffic is not.
        using var logging = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        await using var host = new SimulatorHost(scenario, new SimulatorHostOptions { Address = ip, Port = port }, logging);
        try
        {
            await host.StartAsync(ct);
        }
        catch (System.Net.Sockets.SocketException e)
        {
            await error.WriteLineAsync($"Cannot listen on {address}:{port}: {e.Message}");
            return 1;
        }

        Print(CliConsole.For(output), host, scenario, address);
        await CliConsole.StatusUntilCancelledAsync(output, statusSeconds, () => Status(host), ct);

        await output.WriteLineAsync("Stopping the simulator.");
        return 0;
    }

    /// <summary>One line: simulated time, then each machine's state and main values.</summary>
    internal static string Status(SimulatorHost host)
    {
        var parts = host.Machines.Select(m =>
        {
            var v = m.Values;
            var state = v.State == MachineState.Down ? $"down({v.DownReason})" : v.State.ToString().ToLowerInvariant();
            var counts = m.Type.MakesParts() ? $" good {v.GoodCount} scrap {v.ScrapCount}" : "";
            return string.Create(CultureInfo.InvariantCulture, $"{m.Id} {state}{counts} {v.PowerKw:0.0} kW {v.EnergyKwh:0.0} kWh");
        });
        var now = host.Simulation.Now;
        return string.Create(CultureInfo.InvariantCulture, $"[{(int)now.TotalHours:00}:{now:mm\\:ss}] {string.Join(" | ", parts)}");
    }

    private static void Print(IAnsiConsole console, SimulatorHost host, SimulationScenario scenario, string address)
    {
        console.MarkupLine(CultureInfo.InvariantCulture, "Modbus TCP simulator listening on [bold]{0}:{1}[/] (scenario {2}, seed {3}, {4}× real time)",
            Markup.Escape(address), host.Port, Markup.Escape(scenario.Source), scenario.Seed, scenario.Acceleration);
        var table = new Table().AddColumns("Machine", "Type", "Unit id", "Registers", "Coils");
        foreach (var machine in host.Machines)
        {
            var first = machine.BaseAddress;
            table.AddRow(Markup.Escape(machine.Id), machine.Type.Name(), machine.UnitId.ToString(CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"{first}–{first + MachineRegisterMap.BlockSize - 1}"),
                string.Create(CultureInfo.InvariantCulture, $"{first}–{first + MachineRegisterMap.CoilCount - 1}"));
        }

        console.Write(table);
        console.MarkupLine("Registers are holding registers, mirrored in input registers; coils are mirrored in discrete inputs.");
        console.MarkupLine("Register map: README.md, \"Machine simulator\". Press Ctrl+C to stop.");
    }
}
