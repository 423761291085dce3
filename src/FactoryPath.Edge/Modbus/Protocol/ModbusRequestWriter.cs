using System.Buffers.Binary;

namespace FactoryPath.Edge.Modbus.Protocol;

/// <summary>
/// Writes request ADUs (MBAP header + PDU) for the public function codes (Modbus Application Protocol Specification
/// V1.1b3, sections 6.1–6.6, 6.11, 6.12). Each method returns the number of bytes written; callers validate quantities
/// first (<see cref="ModbusTcpClient"/> does).
/// </summary>
internal static class ModbusRequestWriter
{
    /// <summary>The largest request ADU: header plus the largest PDU.</summary>
    public const int MaxAduSize = MbapHeader.Size + MbapHeader.MaxPduSize;

    /// <summary>Functions 1–4 (address, quantity) and 5–6 (address, value): the PDU is always five bytes.</summary>
    public static int WriteFixed(Span<byte> destination, ushort transactionId, byte unitId, ModbusFunction function, ushort address, ushort quantityOrValue)
    {
        MbapHeader.For(transactionId, unitId, 5).Write(destination);
        var pdu = destination[MbapHeader.Size..];
        pdu[0] = (byte)function;
        BinaryPrimitives.WriteUInt16BigEndian(pdu[1..], address);
        BinaryPrimitives.WriteUInt16BigEndian(pdu[3..], quantityOrValue);
        return MbapHeader.Size + 5;
    }

    /// <summary>Function 16: address, quantity, byte count, then the registers big-endian (section 6.12).</summary>
    public static int WriteMultipleRegisters(Span<byte> destination, ushort transactionId, byte unitId, ushort address, ReadOnlySpan<ushort> values)
    {
        var pduLength = 6 + (values.Length * 2);
        MbapHeader.For(transactionId, unitId, pduLength).Write(destination);
        var pdu = destination[MbapHeader.Size..];
        pdu[0] = (byte)ModbusFunction.WriteMultipleRegisters;
        BinaryPrimitives.WriteUInt16BigEndian(pdu[1..], address);
        BinaryPrimitives.WriteUInt16BigEndian(pdu[3..], (ushort)values.Length);
        pdu[5] = (byte)(values.Length * 2);
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(pdu[(6 + (i * 2))..], values[i]);
        }

        return MbapHeader.Size + pduLength;
    }

    /// <summary>Function 15: address, quantity, byte count, then the bits packed LSB-first (section 6.11).</summary>
    public static int WriteMultipleCoils(Span<byte> destination, ushort transactionId, byte unitId, ushort address, ReadOnlySpan<bool> values)
    {
        var byteCount = (values.Length + 7) / 8;
        var pduLength = 6 + byteCount;
        MbapHeader.For(transactionId, unitId, pduLength).Write(destination);
        var pdu = destination[MbapHeader.Size..];
        pdu[0] = (byte)ModbusFunction.WriteMultipleCoils;
        BinaryPrimitives.WriteUInt16BigEndian(pdu[1..], address);
        BinaryPrimitives.WriteUInt16BigEndian(pdu[3..], (ushort)values.Length);
        pdu[5] = (byte)byteCount;
        pdu.Slice(6, byteCount).Clear();
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i])
            {
                pdu[6 + (i / 8)] |= (byte)(1 << (i % 8));
            }
        }

        return MbapHeader.Size + pduLength;
    }
}
