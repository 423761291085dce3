using FactoryPath.Edge.Model;
using FactoryPath.Edge.Modbus.Options;
using FactoryPath.Edge.Modbus.Planning;
using FactoryPath.Edge.Modbus.Protocol;
using FactoryPath.Edge.Modbus.Values;
using FactoryPath.Edge.Uplink.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FactoryPath.Edge.Modbus.Source;

/// <summary>
/// Polls one Modbus TCP device: every poll interval it runs the merged read plan, decodes each tag, applies scale,
/// offset and deadband, and writes the samples to the sink. A lost connection, a timeout or a malformed reply marks
/// every tag bad (one bad sample each) and reconnects with capped exponential backoff; an exception reply marks the
/// tags of that one read bad. Nothing a device does makes <see cref="RunAsync"/> throw.
/// </summary>
public sealed class ModbusTagSource : ITagSource
{
    private readonly ModbusDeviceOptions options;
    private readonly ModbusTagOptions[] tags;
    private readonly DeadbandFilter[] filters;
    private readonly Dictionary<string, int> byId;
    private readonly IReadOnlyList<ModbusReadBlock> plan;
    private readonly ModbusTcpClient client;
    private readonly ReconnectBackoff backoff;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly Lock healthLock = new();
    private long reads;
    private long errors;
    private string? lastError;
    private DateTimeOffset? lastReadAt;

    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public ModbusTagSource(ModbusDeviceOptions options, ILogger<ModbusTagSource>? logger = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, problems), nameof(options));
        }

        this.options = options;
        this.time = time ?? TimeProvider.System;
        this.logger = logger ?? NullLogger<ModbusTagSource>.Instance;
        tags = [.. options.Tags];
        filters = [.. tags.Select(t => new DeadbandFilter(t.Deadband, options.RefreshInterval))];
        byId = tags.Select((t, i) => (t.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        plan = ModbusReadPlanner.Plan([.. tags.Select(t => new ModbusSpan(t.Table, t.Address, t.Width))], options.PlanLimits);
        client = new ModbusTcpClient(options.Host, options.Port, (byte)options.UnitId, options.Timeout, this.logger);
        backoff = new ReconnectBackoff(options.ReconnectDelayMin, options.ReconnectDelayMax);
    }

    public string Name => options.Name;

    public string Protocol => "modbus-tcp";

    /// <summary>The read requests one poll makes, in order.</summary>
    public IReadOnlyList<ModbusReadBlock> Plan => plan;

    /// <summary>The client's own counters (requests, exception and malformed replies, timeouts, connects).</summary>
    public ModbusClientCounters ClientCounters => client.Counters;

    public SourceHealth Health()
    {
        lock (healthLock)
        {
            return new SourceHealth(Name, Protocol, client.IsConnected, lastReadAt, reads, errors, lastError);
        }
    }

    public async Task RunAsync(ISampleSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var started = time.GetTimestamp();
                if (await PollOnceAsync(sink, cancellationToken))
                {
                    backoff.Reset();
                    var rest = options.PollInterval - time.GetElapsedTime(started);
                    if (rest > TimeSpan.Zero)
                    {
                        await Task.Delay(rest, time, cancellationToken);
                    }
                }
                else
                {
                    var wait = backoff.Next();
                    logger.LogInformation("Modbus device {Device}: reconnecting in {Delay} ms (attempt {Attempt})", Name, (int)wait.TotalMilliseconds, backoff.Failures);
                    await Task.Delay(wait, time, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // stopped by the gateway
        }
        finally
        {
            client.Disconnect();
        }
    }

    /// <summary>
    /// Writes a value to a coil tag (non-zero is ON) or a holding-register tag (the raw value is
    /// <c>(value − Offset) / Scale</c>, encoded by the tag's type and byte order; function 6 for one register, 16 for
    /// more). Throws for unknown or read-only tags, bit-in-register tags, values that do not fit, and device faults.
    /// </summary>
    public async Task WriteAsync(string tagId, double value, CancellationToken cancellationToken)
    {
        if (!byId.TryGetValue(tagId, out var index))
        {
            throw new KeyNotFoundException($"device '{Name}' has no tag '{tagId}'");
        }

        var tag = tags[index];
        switch (tag.Table)
        {
            case ModbusTable.Coil:
                await client.WriteSingleCoilAsync((ushort)tag.Address, value != 0, cancellationToken);
                return;
            case ModbusTable.HoldingRegister when tag.EffectiveDataType != ModbusDataType.BitInRegister:
                var registers = ModbusValueCodec.Encode((value - tag.Offset) / tag.Scale, tag.EffectiveDataType, tag.ByteOrder);
                if (registers.Length == 1)
                {
                    await client.WriteSingleRegisterAsync((ushort)tag.Address, registers[0], cancellationToken);
                }
                else
                {
                    await client.WriteMultipleRegistersAsync((ushort)tag.Address, registers, cancellationToken);
                }

                return;
            default:
                throw new InvalidOperationException($"tag '{tagId}' ({tag.Table}, {tag.EffectiveDataType}) cannot be written: only coils and whole holding-register values can");
        }
    }

    public ValueTask DisposeAsync() => client.DisposeAsync();

    /// <summary>One pass over the plan; false when the connection failed (every tag is then marked bad).</summary>
    internal async Task<bool> PollOnceAsync(ISampleSink sink, CancellationToken cancellationToken)
    {
        var samples = new List<TagSample>();
        var healthy = true;
        foreach (var block in plan)
        {
            try
            {
                await ReadBlockAsync(block, samples, cancellationToken);
            }
            catch (ModbusException e)
            {
                RecordError(e);
                MarkBad(block.Spans, samples);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                RecordError(e);
                MarkBad(Enumerable.Range(0, tags.Length), samples);
                healthy = false;
                break;
            }
        }

        if (samples.Count > 0)
        {
            await sink.WriteAsync(samples, cancellationToken);
        }

        return healthy;
    }

    private async Task ReadBlockAsync(ModbusReadBlock block, List<TagSample> samples, CancellationToken cancellationToken)
    {
        var address = (ushort)block.Address;
        bool[]? bits = null;
        ushort[]? registers = null;
        switch (block.Table)
        {
            case ModbusTable.Coil:
                bits = await client.ReadCoilsAsync(address, block.Count, cancellationToken);
                break;
            case ModbusTable.DiscreteInput:
                bits = await client.ReadDiscreteInputsAsync(address, block.Count, cancellationToken);
                break;
            case ModbusTable.HoldingRegister:
                registers = await client.ReadHoldingRegistersAsync(address, block.Count, cancellationToken);
                break;
            default:
                registers = await client.ReadInputRegistersAsync(address, block.Count, cancellationToken);
                break;
        }

        var at = time.GetUtcNow();
        lock (healthLock)
        {
            reads++;
            lastReadAt = at;
        }

        foreach (var i in block.Spans)
        {
            var tag = tags[i];
            var offset = tag.Address - block.Address;
            var raw = bits is not null
                ? (bits[offset] ? 1 : 0)
                : ModbusValueCodec.Decode(registers.AsSpan(offset, tag.EffectiveDataType == ModbusDataType.BitInRegister ? 1 : tag.Width), tag.EffectiveDataType, tag.ByteOrder, tag.Bit ?? 0);
            var value = (raw * tag.Scale) + tag.Offset;
            var sample = double.IsFinite(value)
                ? TagSample.Good(tag.Id, at, value)
                : new TagSample(tag.Id, at, null, TagQuality.Uncertain);
            if (filters[i].Accept(sample.Value, sample.Quality, at))
            {
                samples.Add(sample);
            }
        }
    }

    private void MarkBad(IEnumerable<int> indices, List<TagSample> samples)
    {
        var at = time.GetUtcNow();
        foreach (var i in indices)
        {
            if (filters[i].Accept(null, TagQuality.Bad, at))
            {
                samples.Add(TagSample.Bad(tags[i].Id, at));
            }
        }
    }

    private void RecordError(Exception e)
    {
        lock (healthLock)
        {
            errors++;
            lastError = e.Message;
        }

        logger.LogWarning("Modbus device {Device}: {Error}", Name, e.Message);
    }
}
