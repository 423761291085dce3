using System.CommandLine;

namespace FactoryPath.Cli.Commands;

/// <summary><c>factorypath edge …</c>: the edge gateway's commands (the machine simulator; the gateway itself).</summary>
internal static class EdgeCommand
{
    public static Command Create()
    {
        var edge = new Command("edge", "Edge gateway: equipment networking over Modbus TCP and MQTT");
        edge.Subcommands.Add(EdgeRunCommand.Create());
        edge.Subcommands.Add(EdgeSimulateCommand.Create());
        edge.Subcommands.Add(EdgeDemoConfigCommand.Create());
        return edge;
    }
}
