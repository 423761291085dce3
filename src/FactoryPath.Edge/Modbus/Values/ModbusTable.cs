namespace FactoryPath.Edge.Modbus.Values;

/// <summary>The four primary tables of the Modbus data model (Modbus Application Protocol Specification V1.1b3, section 4.3).</summary>
public enum ModbusTable
{
    /// <summary>Read-write bits, function 1 to read, 5 / 15 to write.</summary>
    Coil,

    /// <summary>Read-only bits, function 2.</summary>
    DiscreteInput,

    /// <summary>Read-write 16-bit registers, function 3 to read, 6 / 16 to write.</summary>
    HoldingRegister,

    /// <summary>Read-only 16-bit registers, function 4.</summary>
    InputRegister,
}

public static class ModbusTableExtensions
{
    public static bool IsBits(this ModbusTable table) => table is ModbusTable.Coil or ModbusTable.DiscreteInput;

    public static ModbusFunction ReadFunction(this ModbusTable table) => table switch
    {
        ModbusTable.Coil => ModbusFunction.ReadCoils,
        ModbusTable.DiscreteInput => ModbusFunction.ReadDiscreteInputs,
        ModbusTable.HoldingRegister => ModbusFunction.ReadHoldingRegisters,
        _ => ModbusFunction.ReadInputRegisters,
    };
}
