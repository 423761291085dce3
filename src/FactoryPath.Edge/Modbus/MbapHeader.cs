using System.Buffers.Binary;

namespace FactoryPath.Edge.Modbus;

/// <summary>
/// The 7-byte MBAP header that precedes every Modbus TCP PDU (Modbus Messaging on TCP/IP Implementation Guide V1.0b,
/// section 3.1.3): transaction id, protocol id (always 0), length of what follows (unit id + PDU), unit id.
/// Shared by the client and the simulator's server.
/// </summary>
public readonly record struct MbapHeader(ushort TransactionId, ushort ProtocolId, ushort Length, byte UnitId)
{
    public const int Size = 7;

    /// <summary>The largest PDU: 253 bytes (function code + 252 data bytes), so Length is at most 254.</summary>
    public const int MaxPduSize = 253;

    /// <summary>Bytes of PDU that follow the header.</summary>
    public int PduLength => Length - 1;

    public static MbapHeader For(ushort transactionId, byte unitId, int pduLength) =>
        new(transactionId, 0, checked((ushort)(pduLength + 1)), unitId);

    public void Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt16BigEndian(destination, TransactionId);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], ProtocolId);
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], Length);
        destination[6] = UnitId;
    }

    /// <summary>
    /// Reads a header from the first 7 bytes; false with a precise reason when it cannot start a valid frame (too short,
    /// protocol id not 0, length that leaves no PDU or exceeds the largest PDU).
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> source, out MbapHeader header, out string? error)
    {
        header = default;
        if (source.Length < Size)
        {
            error = $"MBAP header truncated: {source.Length} of {Size} bytes";
            return false;
        }

        header = new MbapHeader(
            BinaryPrimitives.ReadUInt16BigEndian(source),
            BinaryPrimitives.ReadUInt16BigEndian(source[2..]),
            BinaryPrimitives.ReadUInt16BigEndian(source[4..]),
            source[6]);
        if (header.ProtocolId != 0)
        {
            error = $"MBAP protocol id is {header.ProtocolId}, not 0 (Modbus)";
            return false;
        }

        if (header.Length < 2 || header.PduLength > MaxPduSize)
        {
            error = $"MBAP length {header.Length} is outside 2–{MaxPduSize + 1}";
            return false;
        }

        error = null;
        return true;
    }
}
