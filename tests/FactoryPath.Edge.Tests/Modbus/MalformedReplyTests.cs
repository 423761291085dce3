using FactoryPath.Edge.Modbus.Protocol;

namespace FactoryPath.Edge.Tests.Modbus;

/// <summary>A device that answers the first request with a broken frame and the second one correctly.</summary>
public class MalformedReplyTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static TheoryData<string, ModbusFrameError, string> Breakages => new()
    {
        { "protocol-id", ModbusFrameError.ProtocolId, "protocol id is 7" },
        { "length-too-large", ModbusFrameError.Length, "length 1000" },
        { "length-disagrees", ModbusFrameError.Length, "its byte count says 4" },
        { "truncated", ModbusFrameError.Truncated, "the connection closed after 3" },
        { "truncated-header", ModbusFrameError.Truncated, "after 4 of the 7" },
        { "transaction-id", ModbusFrameError.TransactionId, "transaction id" },
        { "unit-id", ModbusFrameError.UnitId, "unit id 9, the request had 1" },
        { "function", ModbusFrameError.Function, "function code 4" },
        { "byte-count", ModbusFrameError.ByteCount, "byte count 2, expected 4" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public async Task A_malformed_reply_is_counted_the_connection_reset_and_the_next_request_works(string breakage, ModbusFrameError kind, string fragment)
    {
        var truncates = breakage.StartsWith("truncated", StringComparison.Ordinal);
        await using var server = new RawReplyServer((request, n) => n == 1 ? Break(breakage, RawReplyServer.Registers(request)) : RawReplyServer.Registers(request), n => n == 1 && truncates);
        await using var client = new ModbusTcpClient("127.0.0.1", server.Port, 1, Timeout);

        var e = await Assert.ThrowsAsync<ModbusFrameException>(() => client.ReadHoldingRegistersAsync(40, 2, CancellationToken.None));
        Assert.Equal(kind, e.Error);
        Assert.Contains(fragment, e.Message);
        Assert.False(client.IsConnected);
        Assert.Equal(1, client.Counters.MalformedReplies);

        Assert.Equal([40, 41], await client.ReadHoldingRegistersAsync(40, 2, CancellationToken.None));
        Assert.Equal(2, client.Counters.Connects);
        Assert.Equal(2, server.Connections);
    }

    [Fact]
    public async Task A_silent_device_times_out_and_the_connection_is_reset()
    {
        await using var server = new RawReplyServer((request, n) => n == 1 ? null : RawReplyServer.Registers(request));
        await using var client = new ModbusTcpClient("127.0.0.1", server.Port, 1, TimeSpan.FromSeconds(1));

        var e = await Assert.ThrowsAsync<TimeoutException>(() => client.ReadHoldingRegistersAsync(0, 1, CancellationToken.None));
        Assert.Contains("no reply to ReadHoldingRegisters at address 0 within 1000 ms", e.Message);
        Assert.Equal(1, client.Counters.Timeouts);
        Assert.False(client.IsConnected);
    }

    /// <summary>Spoils a correct 2-register reply (13 bytes: header, function, byte count 4, four data bytes).</summary>
    private static byte[] Break(string breakage, byte[] reply)
    {
        switch (breakage)
        {
            case "protocol-id":
                reply[3] = 7;
                return reply;
            case "length-too-large":
                (reply[4], reply[5]) = (0x03, 0xE8);
                return reply;
            case "length-disagrees":
                reply[5] = 6;
                return reply[..12];
            case "truncated":
                return reply[..10];
            case "truncated-header":
                return reply[..4];
            case "transaction-id":
                reply[1] ^= 0x55;
                return reply;
            case "unit-id":
                reply[6] = 9;
                return reply;
            case "function":
                reply[7] = 4;
                return reply;
            default:
                (reply[5], reply[8]) = (5, 2);
                return reply[..11];
        }
    }
}
