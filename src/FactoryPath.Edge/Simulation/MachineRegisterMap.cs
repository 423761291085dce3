using FactoryPath.Edge.Model;

namespace FactoryPath.Edge.Simulation;

/// <summary>
/// The register map of every machine type, as data: a gateway configuration is written against these tables (the
/// README's "Machine simulator" section prints the same). Each machine occupies holding registers
/// <c>base … base+15</c>, mirrored in input registers, and coils <c>base … base+2</c> (alarm flags), mirrored in
/// discrete inputs.
/// </summary>
public static class MachineRegisterMap
{
    /// <summary>Registers in one machine's block.</summary>
    public const int BlockSize = 16;

    /// <summary>Coils (and discrete inputs) in one machine's block: one per <see cref="AlarmFlags"/> bit.</summary>
    public const int CoilCount = 3;

    private static readonly RegisterPoint[] Common =
    [
        P("state", TagRole.State, 0, RegisterDataType.UInt16, 1, "", "1 running, 2 idle, 3 down, 4 changeover", v => (double)v.State),
        P("down_reason", TagRole.DownReason, 1, RegisterDataType.UInt16, 1, "", "reason code while down, else 0", v => v.DownReason),
        P("temperature", TagRole.Temperature, 12, RegisterDataType.Int16, 0.1, "°C", "moulding barrel, CNC spindle, compressor discharge, meter enclosure", v => v.TemperatureC),
        P("alarms", TagRole.Alarm, 14, RegisterDataType.Bits16, 1, "", "bits: 0 down, 1 over-temperature, 2 last part scrap", v => (double)v.Alarms),
        P("type_code", TagRole.Other, 15, RegisterDataType.UInt16, 1, "", "1 injection moulding, 2 CNC, 3 air compressor, 4 energy meter", _ => 0),
    ];

    private static readonly RegisterPoint[] Parts =
    [
        P("good_count", TagRole.GoodCount, 2, RegisterDataType.UInt32, 1, "parts", "wraps to 0 after 4294967295", v => v.GoodCount),
        P("scrap_count", TagRole.ScrapCount, 4, RegisterDataType.UInt32, 1, "parts", "wraps to 0 after 4294967295", v => v.ScrapCount),
        P("cycle_time", TagRole.CycleTime, 6, RegisterDataType.Float32, 1, "s", "duration of the last completed cycle", v => v.LastCycleSeconds),
    ];

    private static readonly RegisterPoint[] MachinePower =
    [
        P("power", TagRole.PowerKw, 8, RegisterDataType.Float32, 1, "kW", "active power", v => v.PowerKw),
        P("energy", TagRole.EnergyKwh, 10, RegisterDataType.UInt32, 0.1, "kWh", "energy since installation, wraps after 4294967295", v => v.EnergyKwh),
    ];

    private static readonly IReadOnlyDictionary<MachineType, RegisterPoint[]> Maps = new Dictionary<MachineType, RegisterPoint[]>
    {
        [MachineType.InjectionMoulding] = Build([.. Parts, .. MachinePower,
            P("injection_pressure", TagRole.Pressure, 13, RegisterDataType.UInt16, 0.1, "bar", "peak injection pressure of the last shot", v => v.Extra)]),
        [MachineType.Cnc] = Build([.. Parts, .. MachinePower,
            P("spindle_speed", TagRole.Speed, 13, RegisterDataType.UInt16, 1, "rpm", "spindle speed", v => v.Extra)]),
        [MachineType.AirCompressor] = Build([.. MachinePower,
            P("outlet_pressure", TagRole.Pressure, 13, RegisterDataType.UInt16, 0.01, "bar", "outlet pressure", v => v.Extra)]),
        [MachineType.EnergyMeter] = Build(
        [
            P("voltage", TagRole.Other, 2, RegisterDataType.Float32, 1, "V", "line-to-line voltage", v => v.VoltageV, WordOrder.CDAB),
            P("current", TagRole.Other, 4, RegisterDataType.Float32, 1, "A", "phase current", v => v.CurrentA, WordOrder.CDAB),
            P("power_factor", TagRole.Other, 6, RegisterDataType.Float32, 1, "", "power factor", v => v.PowerFactor, WordOrder.CDAB),
            P("power", TagRole.PowerKw, 8, RegisterDataType.Float32, 1, "kW", "total active power of the measured feeder", v => v.PowerKw, WordOrder.CDAB),
            P("energy", TagRole.EnergyKwh, 10, RegisterDataType.Float32, 1, "kWh", "imported active energy", v => v.EnergyKwh, WordOrder.CDAB),
            P("frequency", TagRole.Other, 13, RegisterDataType.UInt16, 0.01, "Hz", "grid frequency", v => v.Extra),
        ]),
    };

    /// <summary>The points of <paramref name="type"/>, ordered by offset.</summary>
    public static IReadOnlyList<RegisterPoint> For(MachineType type) => Maps[type];

    /// <summary>Encodes <paramref name="values"/> into a machine's 16 registers.</summary>
    public static void Encode(MachineType type, MachineValues values, Span<ushort> block)
    {
        block[..BlockSize].Clear();
        foreach (var point in Maps[type])
        {
            var value = point.Name == "type_code" ? (double)type : point.Select(values);
            Encode(point, value, block.Slice(point.Offset, point.Count));
        }
    }

    /// <summary>Encodes one engineering value into its registers (raw = value / scale, rounded; counters wrap).</summary>
    public static void Encode(RegisterPoint point, double value, Span<ushort> registers)
    {
        switch (point.Type)
        {
            case RegisterDataType.Float32:
                Write32(BitConverter.SingleToUInt32Bits((float)(value / point.Scale)), point.Order, registers);
                break;
            case RegisterDataType.UInt32:
                Write32(unchecked((uint)(long)Math.Floor(value / point.Scale + 1e-9)), point.Order, registers);
                break;
            case RegisterDataType.Int16:
                registers[0] = unchecked((ushort)(short)Math.Clamp(Math.Round(value / point.Scale), short.MinValue, short.MaxValue));
                break;
            default:
                registers[0] = (ushort)Math.Clamp(Math.Round(value / point.Scale), 0, ushort.MaxValue);
                break;
        }
    }

    /// <summary>Decodes one value from its registers, the inverse of <see cref="Encode(RegisterPoint, double, Span{ushort})"/>.</summary>
    public static double Decode(RegisterPoint point, ReadOnlySpan<ushort> registers) => point.Type switch
    {
        RegisterDataType.Float32 => BitConverter.UInt32BitsToSingle(Read32(point.Order, registers)) * point.Scale,
        RegisterDataType.UInt32 => Read32(point.Order, registers) * point.Scale,
        RegisterDataType.Int16 => unchecked((short)registers[0]) * point.Scale,
        _ => registers[0] * point.Scale,
    };

    private static void Write32(uint raw, WordOrder order, Span<ushort> registers)
    {
        var (high, low) = ((ushort)(raw >> 16), (ushort)raw);
        (registers[0], registers[1]) = order == WordOrder.ABCD ? (high, low) : (low, high);
    }

    private static uint Read32(WordOrder order, ReadOnlySpan<ushort> registers) => order == WordOrder.ABCD
        ? (uint)registers[0] << 16 | registers[1]
        : (uint)registers[1] << 16 | registers[0];

    private static RegisterPoint[] Build(RegisterPoint[] own) => [.. Common.Concat(own).OrderBy(p => p.Offset)];

    private static RegisterPoint P(string name, TagRole role, int offset, RegisterDataType type, double scale, string unit,
        string description, Func<MachineValues, double> select, WordOrder order = WordOrder.ABCD) =>
        new(name, role, offset, type, order, scale, unit, description) { Select = select };
}
