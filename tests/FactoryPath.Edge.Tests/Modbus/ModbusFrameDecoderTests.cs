using FactoryPath.Edge.Modbus;
using FactoryPath.Edge.Modbus.Protocol;

namespace FactoryPath.Edge.Tests.Modbus;

public class ModbusFrameDecoderTests
{
    // The answer to "read 2 holding registers from 0x0010" with transaction id 7, unit 1: registers 0x1234, 0xABCD.
    private static readonly ModbusExpectation ReadTwo = new(7, 1, ModbusFunction.ReadHoldingRegisters, 0x0010, 2);
    private static readonly byte[] GoodRead = [0x00, 0x07, 0x00, 0x00, 0x00, 0x07, 0x01, 0x03, 0x04, 0x12, 0x34, 0xAB, 0xCD];

    [Fact]
    public void A_valid_read_reply_gives_its_registers()
    {
        Assert.True(ModbusFrameDecoder.TryDecode(GoodRead, ReadTwo, out var reply, out _, out var message), message);
        Assert.Null(reply.Exception);
        var registers = new ushort[2];
        ModbusFrameDecoder.ReadRegisters(GoodRead.AsSpan(reply.DataOffset, reply.DataLength), registers);
        Assert.Equal([0x1234, 0xABCD], registers);
    }

    [Fact]
    public void Coil_bits_are_read_least_significant_first()
    {
        // Spec section 6.1 example: coils 20-38 read as CD 6B 05.
        byte[] frame = [0x00, 0x01, 0x00, 0x00, 0x00, 0x06, 0x11, 0x01, 0x03, 0xCD, 0x6B, 0x05];
        var expected = new ModbusExpectation(1, 0x11, ModbusFunction.ReadCoils, 19, 19);
        Assert.True(ModbusFrameDecoder.TryDecode(frame, expected, out var reply, out _, out var message), message);
        var bits = new bool[19];
        ModbusFrameDecoder.ReadBits(frame.AsSpan(reply.DataOffset, reply.DataLength), bits);
        Assert.Equal("1011001111010110101", string.Concat(bits.Select(b => b ? '1' : '0')));
    }

    [Fact]
    public void An_exception_reply_gives_its_code()
    {
        byte[] frame = [0x00, 0x07, 0x00, 0x00, 0x00, 0x03, 0x01, 0x83, 0x02];
        Assert.True(ModbusFrameDecoder.TryDecode(frame, ReadTwo, out var reply, out _, out _));
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, reply.Exception);
    }

    [Fact]
    public void A_write_reply_must_echo_the_request()
    {
        var expected = new ModbusExpectation(9, 1, ModbusFunction.WriteSingleRegister, 5, 0xBEEF);
        byte[] echo = [0x00, 0x09, 0x00, 0x00, 0x00, 0x06, 0x01, 0x06, 0x00, 0x05, 0xBE, 0xEF];
        Assert.True(ModbusFrameDecoder.TryDecode(echo, expected, out _, out _, out _));
        echo[^1] = 0xEE;
        Assert.False(ModbusFrameDecoder.TryDecode(echo, expected, out _, out var error, out var message));
        Assert.Equal(ModbusFrameError.Echo, error);
        Assert.Contains("48879", message);
    }

    public static TheoryData<string, byte[], ModbusFrameError, string> Malformed => new()
    {
        { "protocol id 1", [0x00, 0x07, 0x00, 0x01, 0x00, 0x07, 0x01, 0x03, 0x04, 0x12, 0x34, 0xAB, 0xCD], ModbusFrameError.ProtocolId, "protocol id is 1" },
        { "length 300", [0x00, 0x07, 0x00, 0x00, 0x01, 0x2C, 0x01, 0x03, 0x04, 0x12, 0x34, 0xAB, 0xCD], ModbusFrameError.Length, "length 300" },
        { "length shorter than the data", [0x00, 0x07, 0x00, 0x00, 0x00, 0x05, 0x01, 0x03, 0x04, 0x12, 0x34, 0xAB, 0xCD], ModbusFrameError.Length, "6 PDU bytes follow" },
        { "byte count 4 but 3 data bytes", [0x00, 0x07, 0x00, 0x00, 0x00, 0x06, 0x01, 0x03, 0x04, 0x12, 0x34, 0xAB], ModbusFrameError.Length, "3 data bytes" },
        { "truncated header", [0x00, 0x07, 0x00, 0x00], ModbusFrameError.Truncated, "4 of 7" },
        { "truncated PDU", [0x00, 0x07, 0x00, 0x00, 0x00, 0x07, 0x01, 0x03, 0x04, 0x12], ModbusFrameError.Truncated, "announces 6 PDU bytes, 3 arrived" },
        { "transaction id 8", [0x00, 0x08, 0x00, 0x00, 0x00, 0x07, 0x01, 0x03, 0x04, 0x12, 0x34, 0xAB, 0xCD], ModbusFrameError.TransactionId, "transaction id 8, the request had 7" },
        { "unit id 2", [0x00, 0x07, 0x00, 0x00, 0x00, 0x07, 0x02, 0x03, 0x04, 0x12, 0x34, 0xAB, 0xCD], ModbusFrameError.UnitId, "unit id 2, the request had 1" },
        { "function 4", [0x00, 0x07, 0x00, 0x00, 0x00, 0x07, 0x01, 0x04, 0x04, 0x12, 0x34, 0xAB, 0xCD], ModbusFrameError.Function, "function code 4" },
        { "byte count 2", [0x00, 0x07, 0x00, 0x00, 0x00, 0x05, 0x01, 0x03, 0x02, 0x12, 0x34], ModbusFrameError.ByteCount, "byte count 2, expected 4" },
        { "exception reply too long", [0x00, 0x07, 0x00, 0x00, 0x00, 0x04, 0x01, 0x83, 0x02, 0x00], ModbusFrameError.Length, "not 2" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_replies_are_rejected_with_a_precise_reason(string why, byte[] frame, ModbusFrameError kind, string fragment)
    {
        Assert.False(ModbusFrameDecoder.TryDecode(frame, ReadTwo, out _, out var error, out var message), why);
        Assert.Equal(kind, error);
        Assert.Contains(fragment, message);
    }

    [Fact]
    public void Every_truncation_of_a_valid_reply_is_rejected_without_throwing()
    {
        for (var length = 0; length < GoodRead.Length; length++)
        {
            Assert.False(ModbusFrameDecoder.TryDecode(GoodRead.AsSpan(0, length), ReadTwo, out _, out _, out var message));
            Assert.NotNull(message);
        }
    }

    // random mutations of replies: the modbus-frame target of tests/FactoryPath.Fuzz (50,000 seeded inputs every test run)
}
