namespace FactoryPath.Edge.Modbus.Values;

/// <summary>How a tag's raw bits become a number.</summary>
public enum ModbusDataType
{
    /// <summary>One coil or discrete input: 0 or 1. The only type for bit tables, and not allowed on registers.</summary>
    Bool,

    /// <summary>One register, two's complement.</summary>
    Int16,

    /// <summary>One register, 0–65535.</summary>
    UInt16,

    /// <summary>Two registers, two's complement.</summary>
    Int32,

    /// <summary>Two registers.</summary>
    UInt32,

    /// <summary>Two registers, IEEE 754 binary32.</summary>
    Float32,

    /// <summary>Four registers, IEEE 754 binary64.</summary>
    Float64,

    /// <summary>One bit (0 = least significant, 15 = most significant) of one register: 0 or 1.</summary>
    BitInRegister,
}

public static class ModbusDataTypeExtensions
{
    /// <summary>Registers (or bits, for <see cref="ModbusDataType.Bool"/>) the type occupies.</summary>
    public static int Width(this ModbusDataType type) => type switch
    {
        ModbusDataType.Int32 or ModbusDataType.UInt32 or ModbusDataType.Float32 => 2,
        ModbusDataType.Float64 => 4,
        _ => 1,
    };
}
