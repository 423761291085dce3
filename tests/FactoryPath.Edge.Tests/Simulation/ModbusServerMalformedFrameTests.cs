using FactoryPath.Edge.Modbus.Server;

namespace FactoryPath.Edge.Tests.Simulation;

/// <summary>Frames that break MBAP: the sender is dropped and counted, everybody else keeps being served.</summary>
public sealed class ModbusServerMalformedFrameTests : IAsyncLifetime
{
    private readonly ModbusTcpServer _server = new(new ModbusTcpServerOptions { FrameTimeout = TimeSpan.FromSeconds(1) });

    public Task InitializeAsync()
    {
        var bank = new ModbusRegisterBank();
        bank.Update(t => t.HoldingRegisters[10] = 4242);
        _server.AddUnit(1, bank);
        _server.Start();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _server.StopAsync();

    [Theory]
    [InlineData(new byte[] { 0, 1, 0, 1, 0, 6, 1, 3, 0, 10, 0, 1 })] // protocol id 1
    [InlineData(new byte[] { 0, 1, 0, 0, 0, 1, 1, 3 })] // length 1 leaves no PDU
    [InlineData(new byte[] { 0, 1, 0, 0, 0, 0, 1 })] // length 0
    [InlineData(new byte[] { 0, 1, 0, 0, 1, 0, 1, 3, 0, 10, 0, 1 })] // length 256, beyond the largest PDU
    [InlineData(new byte[] { 0x47, 0x45, 0x54, 0x20, 0x2F, 0x20, 0x48, 0x54, 0x54, 0x50 })] // "GET / HTTP"
    public async Task MalformedHeader_DropsThatConnection_AndOthersAreStillServed(byte[] frame)
    {
        using var bystander = await RawModbusSocket.ConnectAsync(_server.Port);
        Assert.Equal([4242], await bystander.ReadHoldingRegistersAsync(1, 1, 10, 1));
        using var offender = await RawModbusSocket.ConnectAsync(_server.Port);

        await offender.SendAsync(frame);

        Assert.True(await offender.ClosedByPeerAsync(), "the server kept the connection open");
        Assert.Equal(1, _server.MalformedFrames);
        Assert.Equal([4242], await bystander.ReadHoldingRegistersAsync(1, 2, 10, 1));
        using var newcomer = await RawModbusSocket.ConnectAsync(_server.Port);
        Assert.Equal([4242], await newcomer.ReadHoldingRegistersAsync(1, 3, 10, 1));
    }

    [Fact]
    public async Task FrameCutShort_ByTheClientClosing_IsCounted_AndTheServerGoesOn()
    {
        using (var offender = await RawModbusSocket.ConnectAsync(_server.Port))
        {
            await offender.SendAsync(0, 1, 0, 0, 0, 6, 1, 3); // announces 5 PDU bytes, sends 1
        }

        await WaitUntil(() => _server.MalformedFrames == 1);
        using var client = await RawModbusSocket.ConnectAsync(_server.Port);
        Assert.Equal([4242], await client.ReadHoldingRegistersAsync(1, 7, 10, 1));
    }

    [Fact]
    public async Task FrameThatStalls_MidHeader_IsDroppedAfterTheFrameTimeout()
    {
        using var offender = await RawModbusSocket.ConnectAsync(_server.Port);

        await offender.SendAsync(0, 1, 0);

        Assert.True(await offender.ClosedByPeerAsync(), "a stalled frame kept its connection");
        Assert.Equal(1, _server.MalformedFrames);
    }

    [Fact]
    public async Task RandomGarbage_OnManyConnections_NeverStopsTheServer()
    {
        var random = new Random(1234);
        for (var i = 0; i < 200; i++)
        {
            using var offender = await RawModbusSocket.ConnectAsync(_server.Port);
            var garbage = new byte[random.Next(1, 300)];
            random.NextBytes(garbage);
            await offender.SendAsync(garbage);
        }

        // the offenders have hung up; once the server has noticed, none of them counts against its connection limit
        await WaitUntil(() => _server.OpenConnections == 0);
        using var client = await RawModbusSocket.ConnectAsync(_server.Port);
        Assert.Equal([4242], await client.ReadHoldingRegistersAsync(1, 9, 10, 1));
        await WaitUntil(() => _server.OpenConnections == 1);
    }

    [Fact]
    public async Task PipelinedRequests_OnOneConnection_AreAnsweredInOrder()
    {
        using var client = await RawModbusSocket.ConnectAsync(_server.Port);

        // two requests in one send: transaction ids 0x0102 and 0x0103
        await client.SendAsync(1, 2, 0, 0, 0, 6, 1, 3, 0, 10, 0, 1, 1, 3, 0, 0, 0, 6, 1, 3, 0, 11, 0, 1);

        var first = await client.ReceiveExactlyAsync(11);
        var second = await client.ReceiveExactlyAsync(11);
        Assert.Equal(new byte[] { 1, 2, 0, 0, 0, 5, 1, 3, 2, 0x10, 0x92 }, first);
        Assert.Equal(new byte[] { 1, 3, 0, 0, 0, 5, 1, 3, 2, 0, 0 }, second);
    }

    [Fact]
    public async Task ConnectionsBeyondTheLimit_AreRefused_AndTheOthersServed()
    {
        await using var server = new ModbusTcpServer(new ModbusTcpServerOptions { MaxConnections = 2 });
        var bank = new ModbusRegisterBank();
        bank.Update(t => t.HoldingRegisters[0] = 77);
        server.AddUnit(1, bank);
        server.Start();
        using var first = await RawModbusSocket.ConnectAsync(server.Port);
        using var second = await RawModbusSocket.ConnectAsync(server.Port);
        Assert.Equal([77], await first.ReadHoldingRegistersAsync(1, 1, 0, 1));
        Assert.Equal([77], await second.ReadHoldingRegistersAsync(1, 1, 0, 1));

        using var third = await RawModbusSocket.ConnectAsync(server.Port);

        Assert.True(await third.ClosedByPeerAsync(), "a third connection was kept over the limit of two");
        Assert.Equal(1, server.RejectedConnections);
        first.Dispose();
        await WaitUntil(() => server.OpenConnections == 1);
        using var fourth = await RawModbusSocket.ConnectAsync(server.Port);
        Assert.Equal([77], await fourth.ReadHoldingRegistersAsync(1, 2, 0, 1));
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 30 s");
            await Task.Delay(20);
        }
    }
}
