using FactoryPath.Edge.Modbus;
using FactoryPath.Edge.Modbus.Protocol;
using FactoryPath.Edge.Tests.Peers;

namespace FactoryPath.Edge.Tests.Modbus;

/// <summary>Every function code against libmodbus's server (initial values: see Peers/libmodbus_server.c).</summary>
public sealed class ModbusTcpClientPeerTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private LibmodbusServer server = null!;
    private ModbusTcpClient client = null!;

    private static CancellationToken Ct => CancellationToken.None;

    public async Task InitializeAsync()
    {
        server = await LibmodbusServer.StartNewAsync();
        client = new ModbusTcpClient(server.Host, server.Port, 1, Timeout);
    }

    public async Task DisposeAsync()
    {
        await client.DisposeAsync();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task Function_1_reads_coils_up_to_2000_at_once()
    {
        Assert.Equal(Enumerable.Range(0, 10).Select(i => i % 3 == 0), await client.ReadCoilsAsync(0, 10, Ct));
        Assert.Equal(Enumerable.Range(100, 2000).Select(i => i % 3 == 0), await client.ReadCoilsAsync(100, 2000, Ct));
    }

    [Fact]
    public async Task Function_2_reads_discrete_inputs()
    {
        Assert.Equal(Enumerable.Range(7, 2000).Select(i => i % 2 == 0), await client.ReadDiscreteInputsAsync(7, 2000, Ct));
    }

    [Fact]
    public async Task Function_3_reads_125_holding_registers_at_once()
    {
        Assert.Equal(Enumerable.Range(0, 100).Select(i => (ushort)((i * 3) + 1)), (await client.ReadHoldingRegistersAsync(0, 125, Ct)).Take(100));
        Assert.Equal([0xFB2E, 54321], await client.ReadHoldingRegistersAsync(100, 2, Ct));
    }

    [Fact]
    public async Task Function_4_reads_input_registers()
    {
        Assert.Equal(Enumerable.Range(175, 125).Select(i => (ushort)(1000 + i)), await client.ReadInputRegistersAsync(175, 125, Ct));
    }

    [Fact]
    public async Task Function_5_writes_one_coil()
    {
        await client.WriteSingleCoilAsync(1, true, Ct);
        await client.WriteSingleCoilAsync(3, false, Ct);
        Assert.Equal(new[] { true, true, false, false, false }, await client.ReadCoilsAsync(0, 5, Ct));
    }

    [Fact]
    public async Task Function_6_writes_one_register()
    {
        await client.WriteSingleRegisterAsync(5, 0xBEEF, Ct);
        Assert.Equal([13, 0xBEEF, 19], await client.ReadHoldingRegistersAsync(4, 3, Ct));
    }

    [Fact]
    public async Task Function_15_writes_up_to_1968_coils()
    {
        var pattern = Enumerable.Range(0, 1968).Select(i => i % 7 is 1 or 4).ToArray();
        await client.WriteMultipleCoilsAsync(50, pattern, Ct);
        Assert.Equal(pattern, await client.ReadCoilsAsync(50, 1968, Ct));
        // the neighbours on either side keep their initial values (coil i is on when i % 3 == 0)
        Assert.Equal(new[] { true, false }, await client.ReadCoilsAsync(48, 2, Ct));
        Assert.Equal(new[] { false, true }, await client.ReadCoilsAsync(2018, 2, Ct));
    }

    [Fact]
    public async Task Function_16_writes_up_to_123_registers()
    {
        var values = Enumerable.Range(0, 123).Select(i => (ushort)(60000 - i)).ToArray();
        await client.WriteMultipleRegistersAsync(150, values, Ct);
        Assert.Equal(values, await client.ReadHoldingRegistersAsync(150, 123, Ct));
    }

    [Fact]
    public async Task An_illegal_address_is_a_typed_exception_and_the_connection_stays()
    {
        var e = await Assert.ThrowsAsync<ModbusException>(() => client.ReadHoldingRegistersAsync(299, 2, Ct));
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, e.Code);
        Assert.Equal(ModbusFunction.ReadHoldingRegisters, e.Function);
        var write = await Assert.ThrowsAsync<ModbusException>(() => client.WriteSingleCoilAsync(2100, true, Ct));
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, write.Code);

        Assert.Equal([1000], await client.ReadInputRegistersAsync(0, 1, Ct));
        var counters = client.Counters;
        Assert.Equal((3, 2, 0, 1), (counters.Requests, counters.ExceptionReplies, counters.MalformedReplies, counters.Connects));
    }

    [Theory]
    [InlineData(0, 126)]
    [InlineData(0, 0)]
    [InlineData(65535, 2)]
    public async Task Register_reads_beyond_the_limits_are_refused_before_sending(int address, int count)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.ReadHoldingRegistersAsync((ushort)address, count, Ct));
        Assert.Equal(0, client.Counters.Requests);
    }

    [Fact]
    public async Task Coil_and_write_quantities_beyond_the_limits_are_refused_before_sending()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.ReadCoilsAsync(0, 2001, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.ReadDiscreteInputsAsync(0, 2001, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.WriteMultipleCoilsAsync(0, new bool[1969], Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.WriteMultipleRegistersAsync(0, new ushort[124], Ct));
        Assert.Equal(0, client.Counters.Requests);
    }
}
