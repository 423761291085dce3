using System.Buffers.Binary;

namespace FactoryPath.Edge.Modbus.Server;

/// <summary>
/// Decodes one request PDU, applies it to a register bank and encodes the response PDU, following the request/response
/// layouts and the exception state diagrams of the Modbus Application Protocol Specification V1.1b3, section 6.1–6.12.
/// Pure apart from the bank access; never throws on request content.
/// </summary>
public static class ModbusRequestHandler
{
    /// <summary>Largest quantities per request (spec sections 6.1–6.4, 6.11, 6.12).</summary>
    public const int MaxReadBits = 2000, MaxReadRegisters = 125, MaxWriteBits = 1968, MaxWriteRegisters = 123;

    /// <summary>
    /// Writes the response PDU for <paramref name="request"/> into <paramref name="response"/> (at least
    /// <see cref="MbapHeader.MaxPduSize"/> bytes) and returns its length. A null bank means the unit does not exist.
    /// </summary>
    public static int Handle(ReadOnlySpan<byte> request, ModbusRegisterBank? bank, Span<byte> response)
    {
        if (request.IsEmpty)
        {
            return Exception(response, 0, ModbusExceptionCode.IllegalFunction);
        }

        var function = request[0];
        if (bank is null)
        {
            // A unit id nobody answers for: what a gateway replies when its target is absent (spec section 7, code 0B).
            return Exception(response, function, ModbusExceptionCode.GatewayTargetDeviceFailedToRespond);
        }

        var data = request[1..];
        return (ModbusFunction)function switch
        {
            ModbusFunction.ReadCoils => ReadBits(data, bank, response, function, discrete: false),
            ModbusFunction.ReadDiscreteInputs => ReadBits(data, bank, response, function, discrete: true),
            ModbusFunction.ReadHoldingRegisters => ReadRegisters(data, bank, response, function, input: false),
            ModbusFunction.ReadInputRegisters => ReadRegisters(data, bank, response, function, input: true),
            ModbusFunction.WriteSingleCoil => WriteSingleCoil(data, bank, response, function),
            ModbusFunction.WriteSingleRegister => WriteSingleRegister(data, bank, response, function),
            ModbusFunction.WriteMultipleCoils => WriteMultipleCoils(data, bank, response, function),
            ModbusFunction.WriteMultipleRegisters => WriteMultipleRegisters(data, bank, response, function),
            _ => Exception(response, function, ModbusExceptionCode.IllegalFunction),
        };
    }

    /// <summary>An exception response: function code with the high bit set, then the exception code (spec section 7).</summary>
    public static int Exception(Span<byte> response, byte function, ModbusExceptionCode code)
    {
        response[0] = (byte)(function | 0x80);
        response[1] = (byte)code;
        return 2;
    }

    // 6.1 / 6.2: address(2) quantity(2) → byte count, packed bits (LSB of the first byte is the first address).
    private static int ReadBits(ReadOnlySpan<byte> data, ModbusRegisterBank bank, Span<byte> response, byte function, bool discrete)
    {
        if (data.Length != 4)
        {
            return Exception(response, function, ModbusExceptionCode.IllegalDataValue);
        }

        var (address, quantity) = (Word(data, 0), Word(data, 2));
        if (quantity is < 1 or > MaxReadBits)
        {
            return Exception(response, function, ModbusExceptionCode.IllegalDataValue);
        }

        if (!bank.Contains(address, quantity))
        {
            return Exception(response, function, ModbusExceptionCode.IllegalDataAddress);
        }

        var byteCount = (quantity + 7) / 8;
        response[0] = function;
        response[1] = (byte)byteCount;
        var packed = response.Slice(2, byteCount);
        packed.Clear();
        Span<bool> bits = stackalloc bool[quantity];
        bank.CopyBits(discrete, address, bits);
        for (var i = 0; i < quantity; i++)
        {
            if (bits[i])
            {
                packed[i / 8] |= (byte)(1 << (i % 8));
            }
        }

        return 2 + byteCount;
    }

    // 6.3 / 6.4: address(2) quantity(2) → byte count, registers high byte first.
    private static int ReadRegisters(ReadOnlySpan<byte> data, ModbusRegisterBank bank, Span<byte> response, byte function, bool input)
    {
        if (data.Length != 4)
        {
            return Exception(response, function, ModbusExceptionCode.IllegalDataValue);
        }

        var (address, quantity) = (Word(data, 0), Word(data, 2));
        if (quantity is < 1 or > MaxReadRegisters)
        {
            return Exception(response, function, ModbusExceptionCode.IllegalDataValue);
        }

        if (!bank.Contains(address, quantity))
        {
            return Exception(response, function, ModbusExceptionCode.IllegalDataAddress);
        }

        response[0] = function;
        response[1] = (byte)(quantity * 2);
        Span<ushort> values = stackalloc ushort[quantity];
        bank.CopyRegisters(input, address, values);
        for (var i = 0; i < quantity; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(response[(2 + i * 2)..], values[i]);
        }

        return 2 + quantity * 2;
    }

    // 6.5: address(2) value(2), value 0xFF00 (on) or 0x0000 (off) → echo of the request.
    private static int WriteSingleCoil(ReadOnlySpan<byte> data, ModbusRegisterBank bank, Span<byte> response, byte function)
    {
        if (data.Length != 4)
        {
            return Exception(response, function, ModbusExceptionCode.IllegalDataValue);
        }

        var (address, value) = (Word(data, 0), Word(data, 2));
        if (value is not (0x0000 or 0xFF00))
        {
            return Exception(response, function, ModbusExceptionCode.IllegalDataValue);
        }

        if (!bank.Contains(address, 1))
        {
            return Exception(response, function, ModbusExceptionCode.IllegalDataAddress);
        }

        bank.WriteCoils(address, [value == 0xFF00]);
        return Echo(response, function, data);
    }

    // 6.6: address(2) value(2) → echo of the request.
    private static int WriteSingleRegister(ReadOnlySpan<byte> data, ModbusRegisterBank bank, Span<byte> response, byte function)
    {
        if (data.Length != 4)
        {
            return Exception(response, function, ModbusExceptionCode.IllegalDataValue);
        }

        var (address, value) = (Word(data, 0), (ushort)Word(data, 2));
        if (!bank.Contains(address, 1))
        {
            return Exception(response, function, ModbusExceptionCode.IllegalDataAddress);
        }

        bank.WriteHoldingRegisters(address, [value]);
        return Echo(response, function, data);
    }

    // 6.11: address(2) quantity(2) byte count(1) packed bits → address, quantity.
    private static int WriteMultipleCoils(ReadOnlySpan<byte> data, ModbusRegisterBank bank, Span<byte> response, byte function)
    {
        if (data.Length < 5)
        {
            return Exception(response, function, ModbusExceptionCode.IllegalDataValue);
        }

        var (address, quantity, byteCount) = (Word(data, 0), Word(data, 2), data[4]);
        if (quantity is < 1 or > MaxWriteBits || byteCount != (quantity + 7) / 8 || data.Length != 5 + byteCount)
        {
            return Exception(response, function, ModbusExceptionCode.IllegalDataValue);
        }

        if (!bank.Contains(address, quantity))
        {
            return Exception(response, function, ModbusExceptionCode.IllegalDataAddress);
        }

        Span<bool> bits = stackalloc bool[quantity];
        for (var i = 0; i < quantity; i++)
        {
            bits[i] = (data[5 + i / 8] & (1 << (i % 8))) != 0;
        }

        bank.WriteCoils(address, bits);
        return Echo(response, function, data[..4]);
    }

    // 6.12: address(2) quantity(2) byte count(1) registers → address, quantity.
    private static int WriteMultipleRegisters(ReadOnlySpan<byte> data, ModbusRegisterBank bank, Span<byte> response, byte function)
    {
        if (data.Length < 5)
        {
            return Exception(response, function, ModbusExceptionCode.IllegalDataValue);
        }

        var (address, quantity, byteCount) = (Word(data, 0), Word(data, 2), data[4]);
        if (quantity is < 1 or > MaxWriteRegisters || byteCount != quantity * 2 || data.Length != 5 + byteCount)
        {
            return Exception(response, function, ModbusExceptionCode.IllegalDataValue);
        }

        if (!bank.Contains(address, quantity))
        {
            return Exception(response, function, ModbusExceptionCode.IllegalDataAddress);
        }

        Span<ushort> values = stackalloc ushort[quantity];
        for (var i = 0; i < quantity; i++)
        {
            values[i] = BinaryPrimitives.ReadUInt16BigEndian(data[(5 + i * 2)..]);
        }

        bank.WriteHoldingRegisters(address, values);
        return Echo(response, function, data[..4]);
    }

    private static int Word(ReadOnlySpan<byte> data, int offset) => BinaryPrimitives.ReadUInt16BigEndian(data[offset..]);

    private static int Echo(Span<byte> response, byte function, ReadOnlySpan<byte> fields)
    {
        response[0] = function;
        fields.CopyTo(response[1..]);
        return 1 + fields.Length;
    }
}
