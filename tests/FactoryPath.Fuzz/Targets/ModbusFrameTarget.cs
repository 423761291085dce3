using System.Buffers.Binary;
using FactoryPath.Edge.Modbus;
using FactoryPath.Edge.Modbus.Protocol;
using FactoryPath.Fuzz.Engine;

namespace FactoryPath.Fuzz.Targets;

/// <summary>
/// Modbus TCP reply ADUs through <see cref="ModbusFrameDecoder.TryDecode"/>, against fixed requests and against the
/// request the frame's own header and byte count suggest (so mutations reach the function-specific checks). Promise:
/// never throws; a rejection has a message; an accepted read's data lies inside the frame and its registers or bits
/// can be read for the requested quantity.
/// </summary>
public sealed class ModbusFrameTarget : FuzzTarget
{
    private static readonly ModbusExpectation[] Fixed =
    [
        new(7, 1, ModbusFunction.ReadHoldingRegisters, 0x0010, 2),
        new(1, 0x11, ModbusFunction.ReadCoils, 19, 19),
        new(9, 1, ModbusFunction.WriteSingleRegister, 5, 0xBEEF),
        new(3, 1, ModbusFunction.ReadInputRegisters, 0, ModbusLimits.MaxReadRegisters),
        new(4, 1, ModbusFunction.WriteMultipleRegisters, 100, 3),
    ];

    public override string Name => "modbus-frame";

    public override string Description => "Modbus TCP reply frames (ModbusFrameDecoder)";

    public override string Extension => ".bin";

    public override int ShortCampaignInputs => 50_000;

    public override Verdict Run(byte[] input)
    {
        var accepted = false;
        foreach (var expected in Fixed)
        {
            accepted |= Check(input, expected);
        }

        if (input.Length >= 9)
        {
            var function = (ModbusFunction)(input[7] & 0x7F);
            if (!Enum.IsDefined(function)) function = ModbusFunction.ReadHoldingRegisters;
            var quantity = function switch
            {
                ModbusFunction.ReadCoils or ModbusFunction.ReadDiscreteInputs => (ushort)(input[8] * 8),
                ModbusFunction.ReadHoldingRegisters or ModbusFunction.ReadInputRegisters => (ushort)(input[8] / 2),
                _ => input.Length >= 12 ? BinaryPrimitives.ReadUInt16BigEndian(input.AsSpan(10)) : (ushort)1,
            };
            var address = input.Length >= 10 ? BinaryPrimitives.ReadUInt16BigEndian(input.AsSpan(8)) : (ushort)0;
            accepted |= Check(input, new ModbusExpectation(BinaryPrimitives.ReadUInt16BigEndian(input), input[6], function, address, quantity));
        }

        return accepted ? Verdict.Accepted : Verdict.Rejected;
    }

    private static bool Check(byte[] frame, ModbusExpectation expected)
    {
        if (!ModbusFrameDecoder.TryDecode(frame, expected, out var reply, out _, out var message))
        {
            Promise.Require(!string.IsNullOrWhiteSpace(message), "a rejected frame has a message");
            return false;
        }

        Promise.Require(reply.DataOffset >= 0 && reply.DataLength >= 0 && reply.DataOffset + reply.DataLength <= frame.Length,
            $"accepted data ({reply.DataOffset}, {reply.DataLength}) lies inside the {frame.Length}-byte frame");
        if (reply.Exception is null && reply.DataLength > 0)
        {
            var data = frame.AsSpan(reply.DataOffset, reply.DataLength);
            if (expected.Function is ModbusFunction.ReadCoils or ModbusFunction.ReadDiscreteInputs)
            {
                ModbusFrameDecoder.ReadBits(data, new bool[expected.QuantityOrValue]);
            }
            else
            {
                ModbusFrameDecoder.ReadRegisters(data, new ushort[expected.QuantityOrValue]);
            }
        }

        return true;
    }
}
