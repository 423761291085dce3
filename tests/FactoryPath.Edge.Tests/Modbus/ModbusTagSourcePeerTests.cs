using FactoryPath.Edge.Model;
using FactoryPath.Edge.Modbus.Options;
using FactoryPath.Edge.Modbus.Source;
using FactoryPath.Edge.Modbus.Values;
using FactoryPath.Edge.Tests.Peers;

namespace FactoryPath.Edge.Tests.Modbus;

/// <summary>The tag source polling libmodbus's server (initial values: see Peers/libmodbus_server.c).</summary>
public sealed class ModbusTagSourcePeerTests : IAsyncLifetime
{
    private static readonly ModbusByteOrder[] Orders = [ModbusByteOrder.ABCD, ModbusByteOrder.CDAB, ModbusByteOrder.BADC, ModbusByteOrder.DCBA];
    private LibmodbusServer server = null!;

    public async Task InitializeAsync() => server = await LibmodbusServer.StartNewAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Every_data_type_and_byte_order_reads_the_values_the_server_holds()
    {
        var tags = new List<ModbusTagOptions>
        {
            Tag("int16", ModbusTable.HoldingRegister, 100, ModbusDataType.Int16),
            Tag("uint16", ModbusTable.HoldingRegister, 101, ModbusDataType.UInt16),
            Tag("coil-3", ModbusTable.Coil, 3, null),
            Tag("coil-4", ModbusTable.Coil, 4, null),
            Tag("discrete-2", ModbusTable.DiscreteInput, 2, null),
            Tag("discrete-3", ModbusTable.DiscreteInput, 3, null),
            Tag("input-5-scaled", ModbusTable.InputRegister, 5, ModbusDataType.UInt16) with { Scale = 0.1, Offset = -100 },
        };
        for (var o = 0; o < 4; o++)
        {
            tags.Add(Tag($"float32-{Orders[o]}", ModbusTable.HoldingRegister, 110 + (2 * o), ModbusDataType.Float32) with { ByteOrder = Orders[o] });
            tags.Add(Tag($"int32-{Orders[o]}", ModbusTable.HoldingRegister, 120 + (2 * o), ModbusDataType.Int32) with { ByteOrder = Orders[o] });
            tags.Add(Tag($"uint32-{Orders[o]}", ModbusTable.HoldingRegister, 130 + (2 * o), ModbusDataType.UInt32) with { ByteOrder = Orders[o] });
            tags.Add(Tag($"float64-{Orders[o]}", ModbusTable.HoldingRegister, 140 + (4 * o), ModbusDataType.Float64) with { ByteOrder = Orders[o] });
        }

        var bits = new[] { 0, 1, 2, 6, 9, 14, 15 };
        tags.AddRange(bits.Select(b => Tag($"bit-{b}", ModbusTable.HoldingRegister, 160, ModbusDataType.BitInRegister) with { Bit = b }));

        var values = await ReadOnceAsync(Device(tags) with { MaxGap = 10 });

        Assert.Equal(-1234, values["int16"]);
        Assert.Equal(54321, values["uint16"]);
        Assert.Equal((1, 0, 1, 0), (values["coil-3"], values["coil-4"], values["discrete-2"], values["discrete-3"]));
        Assert.Equal((1005 * 0.1) - 100, values["input-5-scaled"], 9);
        foreach (var order in Orders)
        {
            Assert.Equal(123.456f, (float)values[$"float32-{order}"]);
            Assert.Equal(-123456789, values[$"int32-{order}"]);
            Assert.Equal(3000000000, values[$"uint32-{order}"]);
            Assert.Equal(-9876.54321, values[$"float64-{order}"]);
        }

        // 0xA5C3 = 1010 0101 1100 0011
        Assert.Equal([1, 1, 0, 1, 0, 0, 1], bits.Select(b => values[$"bit-{b}"]));
    }

    [Fact]
    public async Task Neighbouring_tags_are_read_in_one_request_per_table()
    {
        var tags = Enumerable.Range(170, 125).Select(a => Tag($"h{a}", ModbusTable.HoldingRegister, a, ModbusDataType.UInt16))
            .Append(Tag("h295", ModbusTable.HoldingRegister, 295, ModbusDataType.UInt16))
            .Append(Tag("c0", ModbusTable.Coil, 0, null))
            .ToList();
        await using var source = new ModbusTagSource(Device(tags));
        var sink = new RecordingSink();
        Assert.True(await source.PollOnceAsync(sink, CancellationToken.None));

        Assert.Equal(3, source.ClientCounters.Requests);
        Assert.Equal(3, source.Health().Reads);
        Assert.Equal(127, sink.Samples.Count(s => s.Quality == TagQuality.Good));
        Assert.Equal((295 * 3) + 1, sink.For("h295").Single().Value);
    }

    [Fact]
    public async Task An_exception_reply_marks_only_that_reads_tags_bad()
    {
        var device = Device([Tag("ok", ModbusTable.InputRegister, 0, ModbusDataType.UInt16), Tag("past-the-end", ModbusTable.HoldingRegister, 299, ModbusDataType.Float32)]);
        await using var source = new ModbusTagSource(device);
        var sink = new RecordingSink();
        Assert.True(await source.PollOnceAsync(sink, CancellationToken.None));
        Assert.True(await source.PollOnceAsync(sink, CancellationToken.None));

        Assert.Equal(TagQuality.Bad, sink.For("past-the-end").Single().Quality);
        Assert.Equal(1000, sink.For("ok").Single().Value);
        var health = source.Health();
        Assert.Equal((2, 2, true), (health.Errors, health.Reads, health.Connected));
        Assert.Contains("IllegalDataAddress", health.LastError);
    }

    [Fact]
    public async Task Within_the_deadband_nothing_new_is_published()
    {
        await using var source = new ModbusTagSource(Device([Tag("steady", ModbusTable.InputRegister, 7, ModbusDataType.UInt16) with { Deadband = 0.5 }]) with { RefreshInterval = null });
        var sink = new RecordingSink();
        for (var i = 0; i < 5; i++)
        {
            Assert.True(await source.PollOnceAsync(sink, CancellationToken.None));
        }

        Assert.Equal(5, source.Health().Reads);
        Assert.Equal(1007, Assert.Single(sink.Samples).Value);
    }

    [Fact]
    public async Task Writes_by_tag_id_reach_the_device_in_the_tags_type_and_order()
    {
        var device = Device(
        [
            Tag("setpoint", ModbusTable.HoldingRegister, 200, ModbusDataType.Float32) with { ByteOrder = ModbusByteOrder.CDAB, Scale = 0.5 },
            Tag("speed", ModbusTable.HoldingRegister, 202, ModbusDataType.Int16),
            Tag("pump", ModbusTable.Coil, 1, null),
            Tag("status", ModbusTable.InputRegister, 0, ModbusDataType.UInt16),
        ]);
        await using var source = new ModbusTagSource(device);
        await source.WriteAsync("setpoint", 12.5, CancellationToken.None);
        await source.WriteAsync("speed", -300, CancellationToken.None);
        await source.WriteAsync("pump", 1, CancellationToken.None);
        await Assert.ThrowsAsync<InvalidOperationException>(() => source.WriteAsync("status", 1, CancellationToken.None));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => source.WriteAsync("nope", 1, CancellationToken.None));

        var sink = new RecordingSink();
        Assert.True(await source.PollOnceAsync(sink, CancellationToken.None));
        Assert.Equal((12.5, -300, 1), (sink.For("setpoint").Single().Value!.Value, sink.For("speed").Single().Value!.Value, sink.For("pump").Single().Value!.Value));
    }

    [Fact]
    public async Task A_device_that_disappears_gives_one_bad_sample_per_tag_and_reconnects_when_it_is_back()
    {
        string[] ids = ["h0", "i3", "c6"];
        var device = Device([Tag("h0", ModbusTable.HoldingRegister, 0, ModbusDataType.UInt16), Tag("i3", ModbusTable.InputRegister, 3, ModbusDataType.UInt16), Tag("c6", ModbusTable.Coil, 6, null)]) with
        {
            PollInterval = TimeSpan.FromMilliseconds(50),
            Timeout = TimeSpan.FromSeconds(10),
            ReconnectDelayMin = TimeSpan.FromMilliseconds(20),
            ReconnectDelayMax = TimeSpan.FromMilliseconds(200),
            RefreshInterval = null,
        };
        await using var source = new ModbusTagSource(device);
        var sink = new RecordingSink();
        using var stop = new CancellationTokenSource();
        var running = source.RunAsync(sink, stop.Token);

        await RecordingSink.WaitUntilAsync(() => ids.All(id => sink.For(id).Any(s => s.Quality == TagQuality.Good)), "every tag read good");
        Assert.True(source.Health().Connected);

        await server.StopAsync();
        await RecordingSink.WaitUntilAsync(() => ids.All(id => sink.For(id).Any(s => s.Quality == TagQuality.Bad)), "every tag went bad");
        var errorsAtLoss = source.Health().Errors;
        await RecordingSink.WaitUntilAsync(() => source.Health().Errors >= errorsAtLoss + 3, "three failed reconnects were counted");
        var down = source.Health();
        Assert.False(down.Connected);
        Assert.NotNull(down.LastError);
        Assert.All(ids, id => Assert.Single(sink.For(id), s => s.Quality == TagQuality.Bad));

        await server.StartAsync();
        await RecordingSink.WaitUntilAsync(() => ids.All(id => sink.For(id)[^1].Quality == TagQuality.Good), "every tag read good again");
        Assert.True(source.Health().Connected);
        Assert.Equal([1, 1003, 1], ids.Select(id => sink.For(id)[^1].Value!.Value));
        Assert.All(ids, id => Assert.Equal([TagQuality.Good, TagQuality.Bad, TagQuality.Good], sink.For(id).Select(s => s.Quality)));

        await stop.CancelAsync();
        await running;
        Assert.False(source.Health().Connected);
    }

    [Fact]
    public async Task A_device_that_answers_garbage_counts_errors_and_never_crashes_the_source()
    {
        // every other reply carries unit id 9 instead of 1
        await using var raw = new RawReplyServer((request, n) =>
        {
            var reply = RawReplyServer.Registers(request);
            reply[6] = n % 2 == 1 ? (byte)9 : reply[6];
            return reply;
        });
        var device = new ModbusDeviceOptions
        {
            Name = "garbage",
            Host = "127.0.0.1",
            Port = raw.Port,
            PollInterval = TimeSpan.FromMilliseconds(20),
            Timeout = TimeSpan.FromSeconds(10),
            ReconnectDelayMin = TimeSpan.FromMilliseconds(10),
            ReconnectDelayMax = TimeSpan.FromMilliseconds(50),
            Tags = [Tag("h7", ModbusTable.HoldingRegister, 7, ModbusDataType.UInt16)],
        };
        await using var source = new ModbusTagSource(device);
        var sink = new RecordingSink();
        using var stop = new CancellationTokenSource();
        var running = source.RunAsync(sink, stop.Token);

        await RecordingSink.WaitUntilAsync(() => source.ClientCounters.MalformedReplies >= 3 && source.Health().Reads >= 3, "three malformed and three good replies");
        await stop.CancelAsync();
        await running;

        var health = source.Health();
        Assert.True(health.Errors >= 3);
        Assert.Contains("unit id 9, the request had 1", health.LastError);
        Assert.All(sink.For("h7").Where(s => s.Quality == TagQuality.Good), s => Assert.Equal(7, s.Value));
        Assert.Contains(sink.For("h7"), s => s.Quality == TagQuality.Bad);
    }

    [Fact]
    public async Task A_device_that_stops_answering_times_out_and_its_tags_go_bad()
    {
        // answers the first request, then stays silent
        await using var raw = new RawReplyServer((request, n) => n == 1 ? RawReplyServer.Registers(request) : null);
        var device = new ModbusDeviceOptions
        {
            Name = "silent",
            Host = "127.0.0.1",
            Port = raw.Port,
            Timeout = TimeSpan.FromSeconds(2),
            MaxGap = 10,
            Tags = [Tag("h4", ModbusTable.HoldingRegister, 4, ModbusDataType.UInt16), Tag("h9", ModbusTable.HoldingRegister, 9, ModbusDataType.UInt16)],
        };
        await using var source = new ModbusTagSource(device);
        var sink = new RecordingSink();
        Assert.True(await source.PollOnceAsync(sink, CancellationToken.None));
        Assert.NotNull(source.Health().LastReadAt);
        Assert.False(await source.PollOnceAsync(sink, CancellationToken.None));
        Assert.False(await source.PollOnceAsync(sink, CancellationToken.None));

        Assert.Equal([TagQuality.Good, TagQuality.Bad], sink.For("h4").Select(s => s.Quality));
        Assert.Equal([TagQuality.Good, TagQuality.Bad], sink.For("h9").Select(s => s.Quality));
        var health = source.Health();
        Assert.Equal((2, 1, false), (health.Errors, health.Reads, health.Connected));
        Assert.Contains("no reply to ReadHoldingRegisters at address 4 within 2000 ms", health.LastError);
        Assert.Equal(2, source.ClientCounters.Timeouts);
    }

    private static ModbusTagOptions Tag(string id, ModbusTable table, int address, ModbusDataType? type) =>
        new() { Id = id, Table = table, Address = address, DataType = type };

    private ModbusDeviceOptions Device(IReadOnlyList<ModbusTagOptions> tags) => new()
    {
        Name = "libmodbus",
        Host = server.Host,
        Port = server.Port,
        Timeout = TimeSpan.FromSeconds(10),
        Tags = tags,
    };

    private static async Task<Dictionary<string, double>> ReadOnceAsync(ModbusDeviceOptions device)
    {
        await using var source = new ModbusTagSource(device);
        var sink = new RecordingSink();
        Assert.True(await source.PollOnceAsync(sink, CancellationToken.None));
        Assert.All(sink.Samples, s => Assert.Equal(TagQuality.Good, s.Quality));
        Assert.Equal(0, source.Health().Errors);
        return sink.Samples.ToDictionary(s => s.TagId, s => s.Value!.Value);
    }
}
