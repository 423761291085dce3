namespace FactoryPath.Edge.Modbus.Values;

/// <summary>
/// Where the bytes of a multi-register value sit. Name the value's bytes A, B, C, D … from the most significant; each
/// register is sent high byte first (Modbus Application Protocol Specification V1.1b3, section 4.2), and the letters
/// spell what the registers carry in address order.
/// <list type="bullet">
/// <item><b>ABCD</b> — big-endian: registers AB CD; for 64-bit AB CD EF GH.</item>
/// <item><b>CDAB</b> — word swap, least significant register first: CD AB; for 64-bit GH EF CD AB (all four registers reversed).</item>
/// <item><b>BADC</b> — byte swap inside each register, registers in order: BA DC; for 64-bit BA DC FE HG.</item>
/// <item><b>DCBA</b> — little-endian: DC BA; for 64-bit HG FE DC BA.</item>
/// </list>
/// For one-register types (int16, uint16) BADC and DCBA swap the register's two bytes; ABCD and CDAB leave it as sent.
/// Bit-in-register and bool ignore the order.
/// </summary>
public enum ModbusByteOrder
{
    ABCD,
    CDAB,
    BADC,
    DCBA,
}
