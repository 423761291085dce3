using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FactoryPath.Edge.Modbus.Protocol;

/// <summary>
/// A Modbus TCP client for one unit behind one host:port. One request is in flight at a time (calls queue). Each
/// request has a deadline; a timeout, a malformed reply or a broken connection closes the socket and throws, and the
/// next call connects again. Exception replies throw <see cref="ModbusException"/> and keep the connection.
/// </summary>
public sealed class ModbusTcpClient : IAsyncDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly byte[] request = new byte[ModbusRequestWriter.MaxAduSize];
    private readonly byte[] reply = new byte[ModbusRequestWriter.MaxAduSize];
    private readonly ILogger logger;
    private TcpClient? tcp;
    private NetworkStream? stream;
    private ushort transactionId;
    private long requests;
    private long exceptionReplies;
    private long malformedReplies;
    private long timeouts;
    private long connects;

    public ModbusTcpClient(string host, int port, byte unitId, TimeSpan timeout, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        Host = host;
        Port = port;
        UnitId = unitId;
        Timeout = timeout;
        this.logger = logger ?? NullLogger.Instance;
    }

    public string Host { get; }

    public int Port { get; }

    public byte UnitId { get; }

    /// <summary>Deadline for connecting and for each request's reply.</summary>
    public TimeSpan Timeout { get; }

    public bool IsConnected => stream is not null;

    public ModbusClientCounters Counters => new(
        Interlocked.Read(ref requests),
        Interlocked.Read(ref exceptionReplies),
        Interlocked.Read(ref malformedReplies),
        Interlocked.Read(ref timeouts),
        Interlocked.Read(ref connects));

    /// <summary>Connects unless connected; requests connect by themselves, so this only makes the first failure earlier.</summary>
    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await EnsureConnectedAsync(cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Closes the connection (the next request opens a new one).</summary>
    public void Disconnect()
    {
        stream?.Dispose();
        tcp?.Dispose();
        stream = null;
        tcp = null;
    }

    /// <summary>Function 1: <paramref name="count"/> coils from <paramref name="address"/> (1–2000).</summary>
    public async Task<bool[]> ReadCoilsAsync(ushort address, int count, CancellationToken cancellationToken) =>
        await ReadBitsAsync(ModbusFunction.ReadCoils, address, count, cancellationToken);

    /// <summary>Function 2: <paramref name="count"/> discrete inputs from <paramref name="address"/> (1–2000).</summary>
    public async Task<bool[]> ReadDiscreteInputsAsync(ushort address, int count, CancellationToken cancellationToken) =>
        await ReadBitsAsync(ModbusFunction.ReadDiscreteInputs, address, count, cancellationToken);

    /// <summary>Function 3: <paramref name="count"/> holding registers from <paramref name="address"/> (1–125).</summary>
    public async Task<ushort[]> ReadHoldingRegistersAsync(ushort address, int count, CancellationToken cancellationToken) =>
        await ReadRegistersAsync(ModbusFunction.ReadHoldingRegisters, address, count, cancellationToken);

    /// <summary>Function 4: <paramref name="count"/> input registers from <paramref name="address"/> (1–125).</summary>
    public async Task<ushort[]> ReadInputRegistersAsync(ushort address, int count, CancellationToken cancellationToken) =>
        await ReadRegistersAsync(ModbusFunction.ReadInputRegisters, address, count, cancellationToken);

    /// <summary>Function 5: ON is sent as 0xFF00, OFF as 0x0000 (spec section 6.5).</summary>
    public async Task WriteSingleCoilAsync(ushort address, bool value, CancellationToken cancellationToken)
    {
        var word = value ? (ushort)0xFF00 : (ushort)0x0000;
        await ExchangeAsync(
            id => ModbusRequestWriter.WriteFixed(request, id, UnitId, ModbusFunction.WriteSingleCoil, address, word),
            new ModbusExpectation(0, UnitId, ModbusFunction.WriteSingleCoil, address, word),
            static (_, _) => 0,
            cancellationToken);
    }

    /// <summary>Function 6.</summary>
    public async Task WriteSingleRegisterAsync(ushort address, ushort value, CancellationToken cancellationToken) =>
        await ExchangeAsync(
            id => ModbusRequestWriter.WriteFixed(request, id, UnitId, ModbusFunction.WriteSingleRegister, address, value),
            new ModbusExpectation(0, UnitId, ModbusFunction.WriteSingleRegister, address, value),
            static (_, _) => 0,
            cancellationToken);

    /// <summary>Function 15: 1–1968 coils.</summary>
    public async Task WriteMultipleCoilsAsync(ushort address, IReadOnlyList<bool> values, CancellationToken cancellationToken)
    {
        CheckRange(ModbusFunction.WriteMultipleCoils, address, values.Count, ModbusLimits.MaxWriteBits);
        var copy = values.ToArray();
        await ExchangeAsync(
            id => ModbusRequestWriter.WriteMultipleCoils(request, id, UnitId, address, copy),
            new ModbusExpectation(0, UnitId, ModbusFunction.WriteMultipleCoils, address, (ushort)copy.Length),
            static (_, _) => 0,
            cancellationToken);
    }

    /// <summary>Function 16: 1–123 registers.</summary>
    public async Task WriteMultipleRegistersAsync(ushort address, IReadOnlyList<ushort> values, CancellationToken cancellationToken)
    {
        CheckRange(ModbusFunction.WriteMultipleRegisters, address, values.Count, ModbusLimits.MaxWriteRegisters);
        var copy = values.ToArray();
        await ExchangeAsync(
            id => ModbusRequestWriter.WriteMultipleRegisters(request, id, UnitId, address, copy),
            new ModbusExpectation(0, UnitId, ModbusFunction.WriteMultipleRegisters, address, (ushort)copy.Length),
            static (_, _) => 0,
            cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        Disconnect();
        gate.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<bool[]> ReadBitsAsync(ModbusFunction function, ushort address, int count, CancellationToken cancellationToken)
    {
        CheckRange(function, address, count, ModbusLimits.MaxReadBits);
        var bits = new bool[count];
        await ExchangeAsync(
            id => ModbusRequestWriter.WriteFixed(request, id, UnitId, function, address, (ushort)count),
            new ModbusExpectation(0, UnitId, function, address, (ushort)count),
            (frame, r) =>
            {
                ModbusFrameDecoder.ReadBits(frame.AsSpan(r.DataOffset, r.DataLength), bits);
                return 0;
            },
            cancellationToken);
        return bits;
    }

    private async Task<ushort[]> ReadRegistersAsync(ModbusFunction function, ushort address, int count, CancellationToken cancellationToken)
    {
        CheckRange(function, address, count, ModbusLimits.MaxReadRegisters);
        var registers = new ushort[count];
        await ExchangeAsync(
            id => ModbusRequestWriter.WriteFixed(request, id, UnitId, function, address, (ushort)count),
            new ModbusExpectation(0, UnitId, function, address, (ushort)count),
            (frame, r) =>
            {
                ModbusFrameDecoder.ReadRegisters(frame.AsSpan(r.DataOffset, r.DataLength), registers);
                return 0;
            },
            cancellationToken);
        return registers;
    }

    private static void CheckRange(ModbusFunction function, ushort address, int count, int max)
    {
        if (count < 1 || count > max)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"{function} takes 1 to {max} items, not {count}");
        }

        if (address + count > ModbusLimits.AddressSpace)
        {
            throw new ArgumentOutOfRangeException(nameof(address), address, $"{function} of {count} from address {address} runs past address 65535");
        }
    }

    private async Task ExchangeAsync(Func<ushort, int> write, ModbusExpectation expected, Func<byte[], ModbusReply, int> read, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(Timeout);
            try
            {
                await EnsureConnectedAsync(deadline.Token);
                var id = unchecked(++transactionId);
                var length = write(id);
                expected = expected with { TransactionId = id };
                Interlocked.Increment(ref requests);
                await stream!.WriteAsync(request.AsMemory(0, length), deadline.Token);
                var frameLength = await ReceiveFrameAsync(expected, deadline.Token);
                if (!ModbusFrameDecoder.TryDecode(reply.AsSpan(0, frameLength), expected, out var decoded, out var error, out var message))
                {
                    throw Malformed(error, message!);
                }

                if (decoded.Exception is { } code)
                {
                    Interlocked.Increment(ref exceptionReplies);
                    throw new ModbusException(expected.Function, code);
                }

                read(reply, decoded);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Interlocked.Increment(ref timeouts);
                Disconnect();
                throw new TimeoutException($"{Host}:{Port} unit {UnitId}: no reply to {expected.Function} at address {expected.Address} within {Timeout.TotalMilliseconds:0} ms");
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException || (e is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                Disconnect();
                throw;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Reads the 7-byte header, checks it, then reads exactly the PDU it announces; returns the frame length.</summary>
    private async Task<int> ReceiveFrameAsync(ModbusExpectation expected, CancellationToken cancellationToken)
    {
        var got = await FillAsync(0, MbapHeader.Size, cancellationToken);
        if (got == 0)
        {
            throw new IOException($"{Host}:{Port} closed the connection instead of answering {expected.Function}");
        }

        if (got < MbapHeader.Size)
        {
            throw Malformed(ModbusFrameError.Truncated, $"frame truncated: the connection closed after {got} of the {MbapHeader.Size} MBAP header bytes");
        }

        if (!MbapHeader.TryRead(reply, out var header, out var message))
        {
            throw Malformed(header.ProtocolId != 0 ? ModbusFrameError.ProtocolId : ModbusFrameError.Length, message!);
        }

        got = await FillAsync(MbapHeader.Size, header.PduLength, cancellationToken);
        if (got < header.PduLength)
        {
            throw Malformed(ModbusFrameError.Truncated, $"frame truncated: the MBAP header announces {header.PduLength} PDU bytes, the connection closed after {got}");
        }

        return MbapHeader.Size + header.PduLength;
    }

    /// <summary>Reads up to <paramref name="count"/> bytes; fewer only when the peer closed the connection.</summary>
    private async Task<int> FillAsync(int offset, int count, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < count)
        {
            var n = await stream!.ReadAsync(reply.AsMemory(offset + total, count - total), cancellationToken);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }

    private ModbusFrameException Malformed(ModbusFrameError error, string message)
    {
        Interlocked.Increment(ref malformedReplies);
        Disconnect();
        logger.LogWarning("Modbus {Host}:{Port} unit {UnitId}: malformed reply ({Error}): {Message}; connection reset", Host, Port, UnitId, error, message);
        return new ModbusFrameException(error, $"{Host}:{Port} unit {UnitId}: {message}");
    }

    private async Task EnsureConnectedAsync(CancellationToken cancellationToken)
    {
        if (stream is not null)
        {
            return;
        }

        var client = new TcpClient { NoDelay = true };
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(Timeout);
            await client.ConnectAsync(Host, Port, deadline.Token);
        }
        catch
        {
            client.Dispose();
            throw;
        }

        tcp = client;
        stream = client.GetStream();
        Interlocked.Increment(ref connects);
    }
}
