using System.Globalization;
using System.Text;
using FactoryPath.Edge.Configuration;
using FactoryPath.Edge.Model;

namespace FactoryPath.Edge.Simulation;

/// <summary>
/// Writes the gateway configuration (YAML, the format of <see cref="GatewayConfigLoader"/>) that reads every machine of
/// a simulator: one Modbus device per machine (its unit id), one tag per value of its register map, the machines as
/// equipment of a demo factory. Used by the platform's demo gateway and by <c>factorypath edge demo-config</c>; a
/// starting point for a configuration against real machines.
/// </summary>
public static class SimulatorGatewayConfig
{
    /// <summary>Where the demo factory's equipment sits: enterprise and site of every ISA-95 path.</summary>
    public const string Enterprise = "demo";
    public const string Site = "ningbo";

    /// <param name="acceleration">
    /// The scenario's simulated seconds per real second: the gateway measures real time, so a machine simulated 10×
    /// faster makes its parts in a tenth of the real time, and its ideal cycle is divided accordingly.
    /// </param>
    public static string Yaml(IEnumerable<SimulatedMachine> machines, string host, int port, string gatewayId, string storePath, UplinkSettings? uplink = null, double acceleration = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(acceleration);
        var list = machines.ToList();
        var yaml = new StringBuilder();
        void Line(string text) => yaml.Append(text).Append('\n');
        Line("# Gateway for the simulated demo factory (factorypath edge simulate); format: README.md, \"Edge gateway configuration\".");
        Line("gateway:");
        Line($"  id: {gatewayId}");
        Line("  name: 演示工厂网关 (demo factory gateway)");
        Line("store:");
        Line($"  path: {Quote(storePath)}");
        if (uplink is not null)
        {
            Line("uplink:");
            Line($"  host: {uplink.Host}");
            Line(Invariant($"  port: {uplink.Port}"));
            Line($"  password: {Quote(uplink.Password)}");
            Line($"  journal: {Quote(uplink.JournalPath)}");
            Line("  health: 2s");
        }

        // two twelve-hour shifts (the night one crosses midnight) with meal breaks as planned stops, so the demo has
        // planned busy time at any hour of the day
        Line("calendar:");
        Line("  timeZone: '+08:00'");
        Line("  shifts:");
        Line("    - { name: day, start: '08:00', end: '20:00' }");
        Line("    - { name: night, start: '20:00', end: '08:00' }");
        Line("  plannedStops:");
        Line("    - { name: lunch, start: '12:00', end: '12:30' }");
        Line("    - { name: supper, start: '00:00', end: '00:30' }");
        Line("kpi:");
        Line("  states: { 1: running, 2: idle, 3: down, 4: changeover }");
        Line("  stateGap: 3m");
        Line("  maxClockSkew: 30s");
        Line("equipment:");
        foreach (var machine in list)
        {
            Line($"  - id: {machine.Id}");
            Line($"    path: {Path(machine)}");
            Line($"    kind: {machine.Type.Name()}");
            if (machine.Spec.CycleSeconds > 0)
            {
                // the ideal cycle is taken as 90 % of the simulated mean cycle, so effectiveness lands near 0.9
                Line(Invariant($"    idealCycleTime: {Math.Max(1, Math.Round(machine.Spec.CycleSeconds * 900 / acceleration))}ms"));
            }
        }

        // a manual machine with no controller: counted by the equipment register, neither digital nor networked
        Line("  - id: manual-saw-1");
        Line($"    path: {Enterprise}/{Site}/assembly/line-1/manual-saw-1");
        Line("    kind: manual_saw");
        Line("    digital: false");
        Line("devices:");
        foreach (var machine in list)
        {
            Line($"  - name: {machine.Id}-plc");
            Line("    protocol: modbus-tcp");
            Line($"    host: {host}");
            Line(Invariant($"    port: {port}"));
            Line(Invariant($"    unit: {machine.UnitId}"));
            Line("    poll: 1s");
        }

        Line("tags:");
        foreach (var machine in list)
        {
            foreach (var point in MachineRegisterMap.For(machine.Type).Where(p => p.Role != TagRole.Other))
            {
                Line($"  - id: {machine.Id}.{point.Name}");
                Line($"    device: {machine.Id}-plc");
                Line($"    equipment: {machine.Id}");
                Line($"    role: {TagRoles.Name(point.Role)}");
                Line("    table: holding");
                Line(Invariant($"    address: {machine.BaseAddress + point.Offset}"));
                Line($"    type: {TypeName(point.Type)}");
                if (point.Count == 2)
                {
                    Line($"    byteOrder: {point.Order}");
                }

                if (point.Scale != 1)
                {
                    Line(Invariant($"    scale: {point.Scale}"));
                }

                if (point.Unit.Length > 0)
                {
                    Line($"    unit: {Quote(point.Unit)}");
                }
            }
        }

        return yaml.ToString();
    }

    /// <summary>The ISA-95 path of a simulated machine in the demo factory (area by machine type).</summary>
    public static string Path(SimulatedMachine machine)
    {
        var area = machine.Type switch
        {
            MachineType.InjectionMoulding => "moulding",
            MachineType.Cnc => "machining",
            _ => "utilities",
        };
        return $"{Enterprise}/{Site}/{area}/line-1/{machine.Id}";
    }

    private static string TypeName(RegisterDataType type) => type switch
    {
        RegisterDataType.Int16 => "int16",
        RegisterDataType.UInt32 => "uint32",
        RegisterDataType.Float32 => "float32",
        _ => "uint16",
    };

    private static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>The platform's broker and this gateway's credential, for the uplink section.</summary>
    public sealed record UplinkSettings(string Host, int Port, string Password, string JournalPath);
}
