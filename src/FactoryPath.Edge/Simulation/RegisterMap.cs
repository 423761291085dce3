using FactoryPath.Edge.Model;

namespace FactoryPath.Edge.Simulation;

/// <summary>How a value is laid out in registers.</summary>
public enum RegisterDataType
{
    UInt16,
    Int16,
    UInt32,
    Float32,

    /// <summary>A uint16 whose bits are flags (see <see cref="AlarmFlags"/>).</summary>
    Bits16,
}

/// <summary>
/// Order of the bytes of a 32-bit value over two registers: ABCD = high word first, each word high byte first (the
/// Modbus big-endian convention, Modbus Application Protocol Specification V1.1b3, section 4.2); CDAB = low word first.
/// </summary>
public enum WordOrder
{
    ABCD,
    CDAB,
}

/// <summary>
/// One value of a machine's register block: holding register <c>base address + Offset</c> (and the same input
/// register). Engineering value = raw × <see cref="Scale"/>.
/// </summary>
public sealed record RegisterPoint(
    string Name,
    TagRole Role,
    int Offset,
    RegisterDataType Type,
    WordOrder Order,
    double Scale,
    string Unit,
    string Description)
{
    /// <summary>Registers the value occupies.</summary>
    public int Count => Type is RegisterDataType.UInt32 or RegisterDataType.Float32 ? 2 : 1;

    internal Func<MachineValues, double> Select { get; init; } = _ => 0;
}
