using System.Buffers.Binary;

namespace FactoryPath.Edge.Modbus.Protocol;

/// <summary>What a reply must match: the request's transaction id, unit id, function, address and quantity (or value).</summary>
public readonly record struct ModbusExpectation(ushort TransactionId, byte UnitId, ModbusFunction Function, ushort Address, ushort QuantityOrValue);

/// <summary>
/// A decoded reply: either an exception code, or for reads where the data bytes sit in the frame (offset from the
/// frame's start, length). Writes carry no data.
/// </summary>
public readonly record struct ModbusReply(ModbusExceptionCode? Exception, int DataOffset, int DataLength);

/// <summary>
/// Checks one reply ADU against the request it answers, without a socket: bytes in, a reply or a precise error out.
/// Frame layouts: Modbus Messaging on TCP/IP Implementation Guide V1.0b section 3.1.3 (MBAP) and Modbus Application
/// Protocol Specification V1.1b3 sections 6.1–6.6, 6.11, 6.12 (normal replies) and 7 (exception replies).
/// </summary>
public static class ModbusFrameDecoder
{
    public static bool TryDecode(ReadOnlySpan<byte> frame, in ModbusExpectation expected, out ModbusReply reply, out ModbusFrameError error, out string? message)
    {
        reply = default;
        error = default;
        if (!MbapHeader.TryRead(frame, out var header, out message))
        {
            error = frame.Length < MbapHeader.Size ? ModbusFrameError.Truncated
                : header.ProtocolId != 0 ? ModbusFrameError.ProtocolId
                : ModbusFrameError.Length;
            return false;
        }

        var arrived = frame.Length - MbapHeader.Size;
        if (arrived < header.PduLength)
        {
            return Fail(ModbusFrameError.Truncated, $"frame truncated: the MBAP header announces {header.PduLength} PDU bytes, {arrived} arrived", out error, out message);
        }

        if (arrived > header.PduLength)
        {
            return Fail(ModbusFrameError.Length, $"MBAP length {header.Length} disagrees with the frame: {arrived} PDU bytes follow the header", out error, out message);
        }

        if (header.TransactionId != expected.TransactionId)
        {
            return Fail(ModbusFrameError.TransactionId, $"reply has transaction id {header.TransactionId}, the request had {expected.TransactionId}", out error, out message);
        }

        if (header.UnitId != expected.UnitId)
        {
            return Fail(ModbusFrameError.UnitId, $"reply has unit id {header.UnitId}, the request had {expected.UnitId}", out error, out message);
        }

        var pdu = frame[MbapHeader.Size..];
        var function = (byte)expected.Function;
        if (pdu[0] == (function | 0x80))
        {
            if (pdu.Length != 2)
            {
                return Fail(ModbusFrameError.Length, $"exception reply to {expected.Function} has {pdu.Length} PDU bytes, not 2", out error, out message);
            }

            reply = new ModbusReply((ModbusExceptionCode)pdu[1], 0, 0);
            return true;
        }

        if (pdu[0] != function)
        {
            return Fail(ModbusFrameError.Function, $"reply has function code {pdu[0]}, the request had {function} ({expected.Function})", out error, out message);
        }

        return expected.Function switch
        {
            ModbusFunction.ReadCoils or ModbusFunction.ReadDiscreteInputs =>
                DecodeRead(pdu, expected, (expected.QuantityOrValue + 7) / 8, out reply, out error, out message),
            ModbusFunction.ReadHoldingRegisters or ModbusFunction.ReadInputRegisters =>
                DecodeRead(pdu, expected, expected.QuantityOrValue * 2, out reply, out error, out message),
            _ => DecodeWriteEcho(pdu, expected, out reply, out error, out message),
        };
    }

    /// <summary>Registers of a read reply, big-endian on the wire (section 4.2).</summary>
    public static void ReadRegisters(ReadOnlySpan<byte> data, Span<ushort> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = BinaryPrimitives.ReadUInt16BigEndian(data[(i * 2)..]);
        }
    }

    /// <summary>Bits of a coil / discrete-input reply: the first bit is the LSB of the first byte (section 6.1).</summary>
    public static void ReadBits(ReadOnlySpan<byte> data, Span<bool> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = (data[i / 8] & (1 << (i % 8))) != 0;
        }
    }

    private static bool DecodeRead(ReadOnlySpan<byte> pdu, in ModbusExpectation expected, int byteCount, out ModbusReply reply, out ModbusFrameError error, out string? message)
    {
        reply = default;
        if (pdu.Length < 2)
        {
            return Fail(ModbusFrameError.Truncated, $"reply to {expected.Function} has no byte count", out error, out message);
        }

        if (pdu[1] != byteCount)
        {
            return Fail(ModbusFrameError.ByteCount, $"reply to {expected.Function} of {expected.QuantityOrValue} has byte count {pdu[1]}, expected {byteCount}", out error, out message);
        }

        if (pdu.Length != 2 + byteCount)
        {
            return Fail(ModbusFrameError.Length, $"reply to {expected.Function} has {pdu.Length - 2} data bytes, its byte count says {byteCount}", out error, out message);
        }

        reply = new ModbusReply(null, MbapHeader.Size + 2, byteCount);
        error = default;
        message = null;
        return true;
    }

    private static bool DecodeWriteEcho(ReadOnlySpan<byte> pdu, in ModbusExpectation expected, out ModbusReply reply, out ModbusFrameError error, out string? message)
    {
        reply = default;
        if (pdu.Length != 5)
        {
            return Fail(ModbusFrameError.Length, $"reply to {expected.Function} has {pdu.Length} PDU bytes, not 5", out error, out message);
        }

        var address = BinaryPrimitives.ReadUInt16BigEndian(pdu[1..]);
        var second = BinaryPrimitives.ReadUInt16BigEndian(pdu[3..]);
        if (address != expected.Address || second != expected.QuantityOrValue)
        {
            return Fail(ModbusFrameError.Echo, $"reply to {expected.Function} echoes address {address} and {second}, the request had {expected.Address} and {expected.QuantityOrValue}", out error, out message);
        }

        error = default;
        message = null;
        return true;
    }

    private static bool Fail(ModbusFrameError kind, string text, out ModbusFrameError error, out string? message)
    {
        error = kind;
        message = text;
        return false;
    }
}
