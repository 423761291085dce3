using System.Buffers.Binary;

namespace FactoryPath.Edge.Modbus.Values;

/// <summary>
/// Turns registers into a tag's raw number and back, by data type and byte order (see <see cref="ModbusByteOrder"/>).
/// Scale and offset are the caller's (<c>value × scale + offset</c>).
/// </summary>
public static class ModbusValueCodec
{
    /// <summary>
    /// The raw value of <paramref name="registers"/> (exactly <see cref="ModbusDataTypeExtensions.Width"/> of them;
    /// one for bit-in-register). Not for <see cref="ModbusDataType.Bool"/>.
    /// </summary>
    public static double Decode(ReadOnlySpan<ushort> registers, ModbusDataType type, ModbusByteOrder order, int bit = 0)
    {
        if (type == ModbusDataType.BitInRegister)
        {
            return (registers[0] >> bit) & 1;
        }

        var width = type.Width();
        if (type == ModbusDataType.Bool || registers.Length != width)
        {
            throw new ArgumentException($"{type} needs {width} registers, got {registers.Length}", nameof(registers));
        }

        Span<byte> bytes = stackalloc byte[8];
        ToBigEndian(registers, order, bytes);
        return type switch
        {
            ModbusDataType.Int16 => BinaryPrimitives.ReadInt16BigEndian(bytes),
            ModbusDataType.UInt16 => BinaryPrimitives.ReadUInt16BigEndian(bytes),
            ModbusDataType.Int32 => BinaryPrimitives.ReadInt32BigEndian(bytes),
            ModbusDataType.UInt32 => BinaryPrimitives.ReadUInt32BigEndian(bytes),
            ModbusDataType.Float32 => BinaryPrimitives.ReadSingleBigEndian(bytes),
            _ => BinaryPrimitives.ReadDoubleBigEndian(bytes),
        };
    }

    /// <summary>
    /// The registers that carry <paramref name="value"/>: integers are rounded to nearest and must fit the type; floats
    /// are converted. Not for <see cref="ModbusDataType.Bool"/> or <see cref="ModbusDataType.BitInRegister"/>.
    /// </summary>
    public static ushort[] Encode(double value, ModbusDataType type, ModbusByteOrder order)
    {
        Span<byte> bytes = stackalloc byte[8];
        var rounded = Math.Round(value, MidpointRounding.AwayFromZero);
        switch (type)
        {
            case ModbusDataType.Int16:
                BinaryPrimitives.WriteInt16BigEndian(bytes, checked((short)InRange(rounded, short.MinValue, short.MaxValue, type)));
                break;
            case ModbusDataType.UInt16:
                BinaryPrimitives.WriteUInt16BigEndian(bytes, checked((ushort)InRange(rounded, ushort.MinValue, ushort.MaxValue, type)));
                break;
            case ModbusDataType.Int32:
                BinaryPrimitives.WriteInt32BigEndian(bytes, checked((int)InRange(rounded, int.MinValue, int.MaxValue, type)));
                break;
            case ModbusDataType.UInt32:
                BinaryPrimitives.WriteUInt32BigEndian(bytes, checked((uint)InRange(rounded, uint.MinValue, uint.MaxValue, type)));
                break;
            case ModbusDataType.Float32:
                BinaryPrimitives.WriteSingleBigEndian(bytes, (float)value);
                break;
            case ModbusDataType.Float64:
                BinaryPrimitives.WriteDoubleBigEndian(bytes, value);
                break;
            default:
                throw new ArgumentException($"{type} is not written as registers", nameof(type));
        }

        var registers = new ushort[type.Width()];
        FromBigEndian(bytes[..(registers.Length * 2)], order, registers);
        return registers;
    }

    /// <summary>Reorders registers into the value's big-endian bytes.</summary>
    private static void ToBigEndian(ReadOnlySpan<ushort> registers, ModbusByteOrder order, Span<byte> bytes)
    {
        var words = registers.Length;
        var reverseWords = order is ModbusByteOrder.CDAB or ModbusByteOrder.DCBA;
        var swapBytes = order is ModbusByteOrder.BADC or ModbusByteOrder.DCBA;
        for (var w = 0; w < words; w++)
        {
            var register = registers[reverseWords ? words - 1 - w : w];
            if (swapBytes)
            {
                register = BinaryPrimitives.ReverseEndianness(register);
            }

            BinaryPrimitives.WriteUInt16BigEndian(bytes[(w * 2)..], register);
        }
    }

    /// <summary>The inverse of <see cref="ToBigEndian"/> (each of the four orders is its own inverse).</summary>
    private static void FromBigEndian(ReadOnlySpan<byte> bytes, ModbusByteOrder order, Span<ushort> registers)
    {
        Span<ushort> plain = stackalloc ushort[registers.Length];
        for (var w = 0; w < plain.Length; w++)
        {
            plain[w] = BinaryPrimitives.ReadUInt16BigEndian(bytes[(w * 2)..]);
        }

        Span<byte> scratch = stackalloc byte[8];
        ToBigEndian(plain, order, scratch);
        for (var w = 0; w < registers.Length; w++)
        {
            registers[w] = BinaryPrimitives.ReadUInt16BigEndian(scratch[(w * 2)..]);
        }
    }

    private static double InRange(double value, double min, double max, ModbusDataType type) =>
        value >= min && value <= max && !double.IsNaN(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"{value} does not fit {type} ({min} to {max})");
}
