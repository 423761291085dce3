using FactoryPath.Edge.Modbus;
using FactoryPath.Edge.Modbus.Server;

namespace FactoryPath.Edge.Tests.Simulation;

/// <summary>PDU-level cases a conforming client cannot send: wrong data lengths for a function.</summary>
public sealed class ModbusRequestHandlerTests
{
    private readonly ModbusRegisterBank _bank = new(100);

    [Theory]
    [InlineData(new byte[] { 0x03, 0, 0, 0 })] // read without a full quantity
    [InlineData(new byte[] { 0x03, 0, 0, 0, 1, 9 })] // read with a stray byte
    [InlineData(new byte[] { 0x01 })]
    [InlineData(new byte[] { 0x05, 0, 1, 0xFF })]
    [InlineData(new byte[] { 0x06, 0, 1, 0, 1, 0 })]
    [InlineData(new byte[] { 0x0F, 0, 0, 0, 1 })] // no byte count
    [InlineData(new byte[] { 0x10, 0, 0, 0, 1, 2, 0 })] // one of two data bytes
    public void RequestOfTheWrongLength_IsIllegalDataValue(byte[] request)
    {
        var response = new byte[MbapHeader.MaxPduSize];

        var length = ModbusRequestHandler.Handle(request, _bank, response);

        Assert.Equal(new byte[] { (byte)(request[0] | 0x80), (byte)ModbusExceptionCode.IllegalDataValue }, response[..length]);
    }

    [Fact]
    public void EmptyPdu_IsIllegalFunction()
    {
        var response = new byte[MbapHeader.MaxPduSize];

        var length = ModbusRequestHandler.Handle([], _bank, response);

        Assert.Equal(new byte[] { 0x80, 0x01 }, response[..length]);
    }

    [Fact]
    public void BankSize_BoundsTheAddresses()
    {
        var response = new byte[MbapHeader.MaxPduSize];

        var inside = ModbusRequestHandler.Handle([0x04, 0, 99, 0, 1], _bank, response);
        Assert.Equal(new byte[] { 0x04, 2, 0, 0 }, response[..inside]);

        var outside = ModbusRequestHandler.Handle([0x04, 0, 99, 0, 2], _bank, response);
        Assert.Equal(new byte[] { 0x84, 0x02 }, response[..outside]);
    }

    [Fact]
    public void ReadCoils_PacksTheFirstAddressIntoTheLowestBit()
    {
        _bank.Update(t => { t.Coils[3] = true; t.Coils[8] = true; t.Coils[10] = true; });
        var response = new byte[MbapHeader.MaxPduSize];

        // spec V1.1b3 section 6.1: coils 3…13 → status byte 1 holds coils 3–10 (LSB = coil 3), byte 2 coils 11–13
        var length = ModbusRequestHandler.Handle([0x01, 0, 3, 0, 11], _bank, response);

        Assert.Equal(new byte[] { 0x01, 2, 0b1010_0001, 0b0000_0000 }, response[..length]);
    }

    [Fact]
    public void RandomPdus_NeverThrow_AndAlwaysGetAnAnswerThatFitsAFrame()
    {
        var random = new Random(20260401);
        var response = new byte[MbapHeader.MaxPduSize];
        var answered = new HashSet<byte>();
        for (var i = 0; i < 50_000; i++)
        {
            // half the requests have the length of a read or single write, with small addresses and quantities
            var request = new byte[i % 2 == 0 ? 5 : random.Next(1, MbapHeader.MaxPduSize + 1)];
            random.NextBytes(request);
            request[0] = (byte)random.Next(0, 20); // mostly the served function codes and their neighbours
            if (i % 2 == 0)
            {
                (request[1], request[3]) = (0, 0);
                request[2] = (byte)random.Next(0, 110);
            }

            var length = ModbusRequestHandler.Handle(request, _bank, response);

            Assert.InRange(length, 2, MbapHeader.MaxPduSize);
            Assert.True(response[0] == request[0] || response[0] == (request[0] | 0x80), $"answer {response[0]:X2} to function {request[0]:X2}");
            if (response[0] == (request[0] | 0x80))
            {
                Assert.Equal(2, length);
                Assert.Contains((ModbusExceptionCode)response[1], new[] { ModbusExceptionCode.IllegalFunction, ModbusExceptionCode.IllegalDataAddress, ModbusExceptionCode.IllegalDataValue });
            }
            else
            {
                answered.Add(request[0]);
            }
        }

        // only the served functions ever answer normally, and the well-formed reads and single writes among the random
        // requests do get normal answers
        Assert.Subset(new HashSet<byte>([0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x0F, 0x10]), answered);
        Assert.Superset(new HashSet<byte>([0x01, 0x02, 0x03, 0x04, 0x06]), answered);
    }
}
