using System.CommandLine;

namespace FactoryPath.Cli.Commands;

/// <summary><c>factorypath edge …</c>: the edge gateway's commands (the machine simulator; the gateway itself).</summary>
internal static class EdgeCommand
{
    public static Command Create()
    {
        var edge = new Command("edge", "Edge gateway: equipment networking over Modbus TCP and MQTT");
        edge.Subcommands.Add(EdgeSimulateCommand.Create());
        return edge;
    }
}
