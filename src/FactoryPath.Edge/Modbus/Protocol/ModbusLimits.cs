namespace FactoryPath.Edge.Modbus.Protocol;

/// <summary>
/// Quantity limits of the public function codes (Modbus Application Protocol Specification V1.1b3, sections 6.1–6.4,
/// 6.11, 6.12): they keep every PDU within 253 bytes.
/// </summary>
public static class ModbusLimits
{
    /// <summary>Read Coils / Read Discrete Inputs: 1 to 2000 bits (0x7D0).</summary>
    public const int MaxReadBits = 2000;

    /// <summary>Read Holding / Input Registers: 1 to 125 registers (0x7D).</summary>
    public const int MaxReadRegisters = 125;

    /// <summary>Write Multiple Coils: 1 to 1968 bits (0x7B0).</summary>
    public const int MaxWriteBits = 1968;

    /// <summary>Write Multiple Registers: 1 to 123 registers (0x7B).</summary>
    public const int MaxWriteRegisters = 123;

    /// <summary>Addresses are 16-bit: a request may not run past 65535.</summary>
    public const int AddressSpace = 65536;
}
