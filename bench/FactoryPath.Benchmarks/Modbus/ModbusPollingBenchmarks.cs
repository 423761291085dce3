using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using FactoryPath.Benchmarks.Infrastructure;
using FactoryPath.Edge.Model;
using FactoryPath.Edge.Modbus.Options;
using FactoryPath.Edge.Modbus.Source;
using FactoryPath.Edge.Modbus.Values;
using FactoryPath.Edge.Simulation;
using FactoryPath.Edge.Simulation.Scenario;

namespace FactoryPath.Benchmarks.Modbus;

/// <summary>
/// One poll of a <see cref="ModbusTagSource"/> against libmodbus's server on loopback: the merged reads, decoding,
/// deadband, and handing every tag's sample to a sink that only counts. One uint16 tag per register and a refresh on
/// every poll, so each poll publishes one sample per register. Registers per second = Op/s × Registers.
/// Each poll's wall time is also kept and its p50/p99 printed at cleanup (BenchmarkDotNet's columns stop at P95 and
/// are per-iteration means, not per-poll).
/// </summary>
[Config(typeof(BoundedRunConfig))]
[MemoryDiagnoser]
public class ModbusPollingBenchmarks
{
    private readonly List<double> pollMilliseconds = new(capacity: 200_000);
    private LibmodbusPeer? peer;
    private SimulatorHost? simulator;
    private ModbusTagSource source = null!;
    private CountingSink sink = null!;

    /// <summary>125: one full read of holding registers; 600: holding 0–299 and input 0–299, six reads (125, 125, 50 each).</summary>
    [Params(125, 600)]
    public int Registers { get; set; }

    /// <summary>The server polled: libmodbus's, or our machine simulator (demo scenario, unit 1; registers past its machine's block read as 0).</summary>
    [Params("libmodbus", "simulator")]
    public string Peer { get; set; } = "libmodbus";

    [GlobalSetup]
    public void Setup()
    {
        int port;
        if (Peer == "simulator")
        {
            simulator = new SimulatorHost(ScenarioLoader.LoadDemo());
            simulator.StartAsync().GetAwaiter().GetResult();
            port = simulator.Port;
        }
        else
        {
            peer = new LibmodbusPeer();
            port = peer.Port;
        }

        var tags = Enumerable.Range(0, Registers)
            .Select(i => new ModbusTagOptions
            {
                Id = $"r{i}",
                Table = i < 300 ? ModbusTable.HoldingRegister : ModbusTable.InputRegister,
                Address = i % 300,
                DataType = ModbusDataType.UInt16,
            })
            .ToList();
        source = new ModbusTagSource(new ModbusDeviceOptions
        {
            Name = "bench",
            Host = "127.0.0.1",
            Port = port,
            Timeout = TimeSpan.FromSeconds(10),
            RefreshInterval = TimeSpan.FromTicks(1),
            Tags = tags,
        });
        sink = new CountingSink();
        Console.WriteLine($"// plan: {string.Join(", ", source.Plan.Select(b => $"{b.Table} {b.Address}+{b.Count}"))}");
    }

    [Benchmark]
    public async Task<bool> Poll()
    {
        var started = Stopwatch.GetTimestamp();
        var ok = await source.PollOnceAsync(sink, CancellationToken.None);
        pollMilliseconds.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return ok ? true : throw new InvalidOperationException($"poll failed: {source.Health().LastError}");
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        pollMilliseconds.Sort();
        double At(double q) => pollMilliseconds[(int)Math.Min(pollMilliseconds.Count - 1, Math.Ceiling(q * pollMilliseconds.Count) - 1)];
        Console.WriteLine($"// {Peer}, {Registers} registers: {pollMilliseconds.Count} polls, {sink.Samples} samples, p50 {At(0.50):0.000} ms, p99 {At(0.99):0.000} ms, max {pollMilliseconds[^1]:0.000} ms");
        await source.DisposeAsync();
        peer?.Dispose();
        if (simulator is not null)
        {
            await simulator.DisposeAsync();
        }
    }

    private sealed class CountingSink : ISampleSink
    {
        public long Samples { get; private set; }

        public ValueTask WriteAsync(IReadOnlyList<TagSample> samples, CancellationToken cancellationToken)
        {
            Samples += samples.Count;
            return ValueTask.CompletedTask;
        }
    }
}
