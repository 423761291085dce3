using FactoryPath.Edge.Modbus.Server;

namespace FactoryPath.Edge.Tests.Simulation;

/// <summary>Our Modbus TCP server answering libmodbus, a client we did not write, for every function code.</summary>
[Collection(LibmodbusProbeCollection.Name)]
public sealed class ModbusServerLibmodbusTests(LibmodbusProbe probe) : IAsyncLifetime
{
    private readonly ModbusRegisterBank _bank = new();
    private readonly ModbusTcpServer _server = new();

    public Task InitializeAsync()
    {
        _bank.Update(t =>
        {
            for (var i = 0; i < 20; i++)
            {
                t.HoldingRegisters[i] = (ushort)(1000 + i * 7);
                t.InputRegisters[i] = (ushort)(60_000 + i);
                t.Coils[i] = i % 3 == 0;
                t.DiscreteInputs[i] = i % 2 == 1;
            }
        });
        _server.AddUnit(1, _bank);
        _server.Start();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _server.StopAsync();

    [Fact]
    public void Reads_OfAllFourTables_GiveTheBankContents()
    {
        var lines = probe.Query(_server.Port, "1:rc:0:20", "1:rdi:0:20", "1:rhr:0:20", "1:rir:3:5");

        Assert.Equal(Enumerable.Range(0, 20).Select(i => i % 3 == 0 ? 1L : 0L), LibmodbusProbe.Values(lines[0]));
        Assert.Equal(Enumerable.Range(0, 20).Select(i => i % 2 == 1 ? 1L : 0L), LibmodbusProbe.Values(lines[1]));
        Assert.Equal(Enumerable.Range(0, 20).Select(i => 1000L + i * 7), LibmodbusProbe.Values(lines[2]));
        Assert.Equal(Enumerable.Range(3, 5).Select(i => 60_000L + i), LibmodbusProbe.Values(lines[3]));
    }

    [Fact]
    public void Reads_AtTheSpecLimits_AreServed()
    {
        var lines = probe.Query(_server.Port, "1:rc:0:2000", "1:rdi:8000:2000", "1:rhr:0:125", "1:rir:9875:125");

        Assert.Equal(2000, LibmodbusProbe.Values(lines[0]).Length);
        Assert.Equal(2000, LibmodbusProbe.Values(lines[1]).Length);
        Assert.Equal(125, LibmodbusProbe.Values(lines[2]).Length);
        Assert.Equal(125, LibmodbusProbe.Values(lines[3]).Length);
    }

    [Fact]
    public void Writes_OfEachFunctionCode_LandInTheBank_AndReadBack()
    {
        var lines = probe.Query(_server.Port,
            "1:wc:100:1", "1:wr:200:54321", "1:wmc:110:1,0,1,1,0,0,0,1,1", "1:wmr:300:1,2,65535,0,7",
            "1:rc:100:1", "1:rhr:200:1", "1:rc:110:9", "1:rhr:300:5");

        Assert.Equal(["OK", "OK", "OK 9", "OK 5"], lines.Take(4));
        Assert.Equal([1L], LibmodbusProbe.Values(lines[4]));
        Assert.Equal([54321L], LibmodbusProbe.Values(lines[5]));
        Assert.Equal([1L, 0, 1, 1, 0, 0, 0, 1, 1], LibmodbusProbe.Values(lines[6]));
        Assert.Equal([1L, 2, 65535, 0, 7], LibmodbusProbe.Values(lines[7]));
        var (coil, register) = _bank.Read(t => (t.Coils[117], t.HoldingRegisters[302]));
        Assert.True(coil);
        Assert.Equal(65535, register);
    }

    [Fact]
    public void ClearingACoil_WithWriteSingleCoil_TurnsItOff()
    {
        var lines = probe.Query(_server.Port, "1:wc:0:0", "1:rc:0:1");

        Assert.Equal("OK", lines[0]);
        Assert.Equal([0L], LibmodbusProbe.Values(lines[1]));
    }

    [Theory]
    [InlineData("1:rc:9999:2", "EXC 2")]
    [InlineData("1:rdi:10000:1", "EXC 2")]
    [InlineData("1:rhr:9990:11", "EXC 2")]
    [InlineData("1:rir:65535:1", "EXC 2")]
    [InlineData("1:wc:10000:1", "EXC 2")]
    [InlineData("1:wr:10000:5", "EXC 2")]
    [InlineData("1:wmc:9999:1,1", "EXC 2")]
    [InlineData("1:wmr:9998:1,2,3", "EXC 2")]
    [InlineData("9:rhr:0:1", "EXC 11")] // no bank for unit 9: gateway target device failed to respond
    public void OutOfRangeAddresses_AndUnknownUnits_AnswerExceptions(string command, string expected)
    {
        Assert.Equal(expected, probe.Query(_server.Port, command)[0]);
    }

    // Quantities libmodbus refuses to send itself go raw: unit id, then the PDU in hex (spec V1.1b3 sections 6.1–6.12).
    [Theory]
    [InlineData("1:raw:0300000000", "RAW 83 03")] // read 0 holding registers
    [InlineData("1:raw:030000007E", "RAW 83 03")] // 126 holding registers
    [InlineData("1:raw:040000007E", "RAW 84 03")] // 126 input registers
    [InlineData("1:raw:01000007D1", "RAW 81 03")] // 2001 coils
    [InlineData("1:raw:02000007D1", "RAW 82 03")] // 2001 discrete inputs
    [InlineData("1:raw:0500011234", "RAW 85 03")] // coil value neither FF00 nor 0000
    [InlineData("1:raw:0F000000080200FF", "RAW 8f 03")] // byte count 2 for 8 coils
    [InlineData("1:raw:0F0000000000", "RAW 8f 03")] // 0 coils
    [InlineData("1:raw:100000000203000100", "RAW 90 03")] // byte count 3 for 2 registers
    [InlineData("1:raw:10270F0002040001000200", "RAW 90 03")] // 2 registers announced, 5 data bytes sent
    [InlineData("1:raw:070000", "RAW 87 01")] // read exception status: a serial-line function we do not serve
    [InlineData("1:raw:2B0E0100", "RAW ab 01")] // read device identification
    [InlineData("1:raw:03270F0002", "RAW 83 02")] // valid quantity, address 9999 + 2 past the end
    [InlineData("1:raw:0300000001", "RAW 03 02 03 e8")] // the same path answers a valid request normally
    public void RawRequests_WithBadQuantitiesOrFunctions_AnswerTheSpecException(string command, string expected)
    {
        Assert.Equal(expected, probe.Query(_server.Port, command)[0]);
    }

    [Fact]
    public async Task ManyClients_AtOnce_EachGetTheirOwnAnswers()
    {
        const int clients = 8;
        var runs = Enumerable.Range(0, clients).Select(i => Task.Run(() => probe.Query(_server.Port,
            $"1:wr:{500 + i}:{i * 1000}", $"1:rhr:{500 + i}:1", "1:rhr:0:20", $"1:wmr:{600 + i * 10}:{i},{i + 1},{i + 2}", $"1:rhr:{600 + i * 10}:3")));

        var results = await Task.WhenAll(runs);

        for (var i = 0; i < clients; i++)
        {
            Assert.Equal([i * 1000L], LibmodbusProbe.Values(results[i][1]));
            Assert.Equal(Enumerable.Range(0, 20).Select(j => 1000L + j * 7), LibmodbusProbe.Values(results[i][2]));
            Assert.Equal([i, i + 1L, i + 2L], LibmodbusProbe.Values(results[i][4]));
        }

        Assert.Equal(0, _server.MalformedFrames);
    }
}
