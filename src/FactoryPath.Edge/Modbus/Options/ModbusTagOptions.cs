using FactoryPath.Edge.Modbus.Protocol;
using FactoryPath.Edge.Modbus.Values;

namespace FactoryPath.Edge.Modbus.Options;

/// <summary>
/// One tag read from a Modbus device. The published value is <c>raw × Scale + Offset</c>; a new sample is published
/// when it moved by more than <see cref="Deadband"/>, when its quality changed, or when the device's refresh interval
/// has passed.
/// </summary>
public sealed record ModbusTagOptions
{
    /// <summary>The tag id samples carry; unique within the gateway.</summary>
    public required string Id { get; init; }

    public ModbusTable Table { get; init; } = ModbusTable.HoldingRegister;

    /// <summary>Zero-based protocol address, 0–65535 (holding register "40001" is address 0).</summary>
    public int Address { get; init; }

    /// <summary>Null means <see cref="ModbusDataType.Bool"/> on coils and discrete inputs, <see cref="ModbusDataType.UInt16"/> on registers.</summary>
    public ModbusDataType? DataType { get; init; }

    /// <summary>For 16-, 32- and 64-bit register types; see <see cref="ModbusByteOrder"/>.</summary>
    public ModbusByteOrder ByteOrder { get; init; } = ModbusByteOrder.ABCD;

    /// <summary>For <see cref="ModbusDataType.BitInRegister"/> only: 0 (least significant) to 15.</summary>
    public int? Bit { get; init; }

    public double Scale { get; init; } = 1;

    public double Offset { get; init; }

    /// <summary>Zero publishes every change.</summary>
    public double Deadband { get; init; }

    public ModbusDataType EffectiveDataType => DataType ?? (Table.IsBits() ? ModbusDataType.Bool : ModbusDataType.UInt16);

    /// <summary>Registers (or bits) the tag occupies from <see cref="Address"/>.</summary>
    public int Width => EffectiveDataType.Width();

    /// <summary>Every problem with this tag, each a sentence naming the tag; empty when valid.</summary>
    public IReadOnlyList<string> Validate(int maxRegistersPerRead = ModbusLimits.MaxReadRegisters)
    {
        var errors = new List<string>();
        var name = string.IsNullOrWhiteSpace(Id) ? "tag (no id)" : $"tag '{Id}'";
        if (string.IsNullOrWhiteSpace(Id))
        {
            errors.Add("a tag has no id");
        }

        if (!Enum.IsDefined(Table))
        {
            errors.Add($"{name}: table {(int)Table} is not coil, discrete input, holding register or input register");
            return errors;
        }

        var type = EffectiveDataType;
        if (!Enum.IsDefined(type))
        {
            errors.Add($"{name}: data type {(int)type} is unknown");
            return errors;
        }

        if (!Enum.IsDefined(ByteOrder))
        {
            errors.Add($"{name}: byte order {(int)ByteOrder} is not ABCD, CDAB, BADC or DCBA");
        }

        if (Table.IsBits() && type != ModbusDataType.Bool)
        {
            errors.Add($"{name}: a {Table} holds single bits, so its data type is bool, not {type}");
        }
        else if (!Table.IsBits() && type == ModbusDataType.Bool)
        {
            errors.Add($"{name}: bool is for coils and discrete inputs; for one bit of a {Table} use bit-in-register with a bit number");
        }

        if (Address is < 0 or > ModbusLimits.AddressSpace - 1)
        {
            errors.Add($"{name}: address {Address} is outside 0–65535");
        }
        else if (Address + Width > ModbusLimits.AddressSpace)
        {
            errors.Add($"{name}: {type} needs {Width} registers from address {Address}, past the last address 65535");
        }

        if (!Table.IsBits() && Width > maxRegistersPerRead)
        {
            errors.Add($"{name}: {type} needs {Width} registers, more than the device's {maxRegistersPerRead} per read");
        }

        if (type == ModbusDataType.BitInRegister)
        {
            if (Bit is not { } bit)
            {
                errors.Add($"{name}: bit-in-register needs a bit number 0–15");
            }
            else if (bit is < 0 or > 15)
            {
                errors.Add($"{name}: bit {bit} is outside 0–15");
            }
        }
        else if (Bit is not null)
        {
            errors.Add($"{name}: a bit number is only for bit-in-register, not {type}");
        }

        if (!double.IsFinite(Scale) || Scale == 0)
        {
            errors.Add($"{name}: scale {Scale} must be a finite non-zero number");
        }

        if (!double.IsFinite(Offset))
        {
            errors.Add($"{name}: offset {Offset} must be a finite number");
        }

        if (!double.IsFinite(Deadband) || Deadband < 0)
        {
            errors.Add($"{name}: deadband {Deadband} must be zero or a positive number");
        }

        return errors;
    }
}
