using System.CommandLine;
using FactoryPath.Edge.Simulation;
using FactoryPath.Edge.Simulation.Scenario;

namespace FactoryPath.Cli.Commands;

/// <summary>
/// <c>factorypath edge demo-config [--port 5020] [--out edge.yaml]</c>: writes a gateway configuration that reads the
/// simulated demo factory, a starting point for a gateway of one's own.
/// </summary>
internal static class EdgeDemoConfigCommand
{
    public static Command Create()
    {
        var host = new Option<string>("--host") { Description = "Where the simulator (or the machines) listen", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port") { Description = "The simulator's Modbus TCP port", DefaultValueFactory = _ => EdgeSimulateCommand.DefaultPort };
        var id = new Option<string>("--gateway-id") { Description = "The gateway id (the MQTT user name the platform issued)", DefaultValueFactory = _ => "gw-demo-cli" };
        var uplinkHost = new Option<string?>("--uplink-host") { Description = "The platform's MQTT broker; without it the data stays on site" };
        var uplinkPort = new Option<int>("--uplink-port") { Description = "The platform's MQTT port", DefaultValueFactory = _ => 1883 };
        var output = new Option<string?>("--out") { Description = "File to write; standard output when not given" };
        var command = new Command("demo-config", "Write a gateway configuration for the simulated demo factory (see 'edge simulate')")
        {
            host, port, id, uplinkHost, uplinkPort, output,
        };
        command.SetAction((parse, _) => WriteAsync(parse.GetValue(host)!, parse.GetValue(port), parse.GetValue(id)!, parse.GetValue(uplinkHost),
            parse.GetValue(uplinkPort), parse.GetValue(output), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    private static async Task<int> WriteAsync(string host, int port, string gatewayId, string? uplinkHost, int uplinkPort, string? file, TextWriter output, TextWriter error)
    {
        if (port is < 1 or > 65_535 || uplinkPort is < 1 or > 65_535)
        {
            await error.WriteLineAsync("--port and --uplink-port must be within 1–65535.");
            return 2;
        }

        var scenario = ScenarioLoader.LoadDemo();
        var machines = new MachineSimulation(scenario).Machines;
        var uplink = uplinkHost is null
            ? null
            : new SimulatorGatewayConfig.UplinkSettings(uplinkHost, uplinkPort, "${FACTORYPATH_GATEWAY_SECRET}", $"{gatewayId}-journal");
        var yaml = SimulatorGatewayConfig.Yaml(machines, host, port, gatewayId, $"{gatewayId}.duckdb", uplink, scenario.Acceleration);
        if (file is null)
        {
            await output.WriteAsync(yaml);
            return 0;
        }

        try
        {
            await File.WriteAllTextAsync(file, yaml);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"Cannot write {file}: {e.Message}");
            return 1;
        }

        await output.WriteLineAsync($"Wrote {file}. Run it with: factorypath edge run --config {file}");
        return 0;
    }
}
