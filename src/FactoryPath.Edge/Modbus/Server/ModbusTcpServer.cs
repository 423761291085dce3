using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FactoryPath.Edge.Modbus.Server;

/// <summary>
/// A Modbus TCP server (Modbus Messaging on TCP/IP Implementation Guide V1.0b): one register bank per unit id, many
/// clients at once, requests on one connection answered in order. A connection that sends a malformed MBAP header
/// (protocol id not 0, impossible length) or stalls mid-frame is counted, logged and closed; others go on.
/// </summary>
public sealed class ModbusTcpServer : IAsyncDisposable
{
    private readonly ModbusTcpServerOptions _options;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<byte, ModbusRegisterBank> _units = new();
    private readonly ConcurrentDictionary<long, Connection> _connections = new();
    private TcpListener? _listener;
    private CancellationTokenSource? _stopping;
    private Task? _acceptLoop;
    private long _nextConnectionId;
    private long _requests;
    private long _malformedFrames;
    private long _rejectedConnections;

    public ModbusTcpServer(ModbusTcpServerOptions? options = null, ILogger<ModbusTcpServer>? logger = null)
    {
        _options = options ?? new ModbusTcpServerOptions();
        _options.Validate();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The bound port, known after <see cref="Start"/>.</summary>
    public int Port => _listener is { } l ? ((IPEndPoint)l.LocalEndpoint).Port
        : throw new InvalidOperationException("The server has not been started.");

    /// <summary>Requests answered (including exception responses).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Frames whose MBAP header was invalid or that stalled mid-frame; each closed its connection.</summary>
    public long MalformedFrames => Interlocked.Read(ref _malformedFrames);

    /// <summary>Connections refused because <see cref="ModbusTcpServerOptions.MaxConnections"/> were open.</summary>
    public long RejectedConnections => Interlocked.Read(ref _rejectedConnections);

    /// <summary>Connections open right now.</summary>
    public int OpenConnections => _connections.Count;

    /// <summary>Serves <paramref name="bank"/> under <paramref name="unitId"/> (replacing an earlier bank of that id).</summary>
    public void AddUnit(byte unitId, ModbusRegisterBank bank) => _units[unitId] = bank;

    public ModbusRegisterBank? Unit(byte unitId) => _units.GetValueOrDefault(unitId);

    public void Start()
    {
        if (_listener is not null)
        {
            throw new InvalidOperationException("The server is already started.");
        }

        var listener = new TcpListener(_options.Address, _options.Port);
        listener.Start();
        _listener = listener;
        _stopping = new CancellationTokenSource();
        _acceptLoop = AcceptLoopAsync(listener, _stopping.Token);
        _logger.LogInformation("Modbus TCP server listening on {Endpoint}", listener.LocalEndpoint);
    }

    public async Task StopAsync()
    {
        if (_listener is not { } listener || _stopping is not { } stopping)
        {
            return;
        }

        await stopping.CancelAsync();
        listener.Stop();
        foreach (var connection in _connections.Values)
        {
            connection.Client.Dispose();
        }

        if (_acceptLoop is { } loop)
        {
            await loop.ConfigureAwait(false);
        }

        await Task.WhenAll(_connections.Values.Select(c => c.Serving)).ConfigureAwait(false);
        stopping.Dispose();
        _listener = null;
        _stopping = null;
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task AcceptLoopAsync(TcpListener listener, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException && ct.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException e)
            {
                _logger.LogWarning(e, "Accepting a Modbus connection failed");
                continue;
            }

            if (_connections.Count >= _options.MaxConnections)
            {
                Interlocked.Increment(ref _rejectedConnections);
                _logger.LogWarning("Refused a Modbus connection from {Remote}: {Max} connections are open", client.Client.RemoteEndPoint, _options.MaxConnections);
                client.Dispose();
                continue;
            }

            client.NoDelay = true;
            var id = Interlocked.Increment(ref _nextConnectionId);
            var connection = new Connection(client);
            _connections[id] = connection;
            connection.Serving = Task.Run(() => ServeAsync(id, connection, ct), CancellationToken.None);
        }
    }

    private async Task ServeAsync(long id, Connection connection, CancellationToken ct)
    {
        var remote = connection.Client.Client.RemoteEndPoint;
        try
        {
            await ServeFramesAsync(connection.Client.GetStream(), remote, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            _logger.LogDebug("Modbus connection {Remote} ended: {Reason}", remote, e.Message);
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Modbus connection {Remote} failed", remote);
        }
        finally
        {
            connection.Client.Dispose();
            _connections.TryRemove(id, out _);
        }
    }

    private async Task ServeFramesAsync(NetworkStream stream, EndPoint? remote, CancellationToken ct)
    {
        var request = new byte[MbapHeader.Size + MbapHeader.MaxPduSize];
        var response = new byte[MbapHeader.Size + MbapHeader.MaxPduSize];
        while (!ct.IsCancellationRequested)
        {
            // Wait as long as needed for a frame to begin; once it has, the rest must come within the frame timeout.
            if (await stream.ReadAsync(request.AsMemory(0, 1), ct).ConfigureAwait(false) == 0)
            {
                return;
            }

            using var frameTimeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            frameTimeout.CancelAfter(_options.FrameTimeout);
            if (!await TryReadExactlyAsync(stream, request.AsMemory(1, MbapHeader.Size - 1), remote, frameTimeout.Token, ct).ConfigureAwait(false))
            {
                return;
            }

            if (!MbapHeader.TryRead(request, out var header, out var error))
            {
                Malformed(remote, error!);
                return;
            }

            if (!await TryReadExactlyAsync(stream, request.AsMemory(MbapHeader.Size, header.PduLength), remote, frameTimeout.Token, ct).ConfigureAwait(false))
            {
                return;
            }

            var pdu = request.AsSpan(MbapHeader.Size, header.PduLength);
            var length = ModbusRequestHandler.Handle(pdu, Unit(header.UnitId), response.AsSpan(MbapHeader.Size));
            MbapHeader.For(header.TransactionId, header.UnitId, length).Write(response);
            Interlocked.Increment(ref _requests);
            await stream.WriteAsync(response.AsMemory(0, MbapHeader.Size + length), ct).ConfigureAwait(false);
        }
    }

    /// <summary>Reads the rest of a frame; false (and the connection is to be closed) when the peer closes or stalls.</summary>
    private async Task<bool> TryReadExactlyAsync(NetworkStream stream, Memory<byte> buffer, EndPoint? remote, CancellationToken frame, CancellationToken server)
    {
        try
        {
            await stream.ReadExactlyAsync(buffer, frame).ConfigureAwait(false);
            return true;
        }
        catch (EndOfStreamException)
        {
            Malformed(remote, "connection closed mid-frame");
            return false;
        }
        catch (OperationCanceledException) when (!server.IsCancellationRequested)
        {
            Malformed(remote, $"frame not complete within {_options.FrameTimeout.TotalSeconds:0.#} s");
            return false;
        }
    }

    private void Malformed(EndPoint? remote, string reason)
    {
        Interlocked.Increment(ref _malformedFrames);
        _logger.LogWarning("Dropped Modbus connection {Remote}: {Reason}", remote, reason);
    }

    private sealed class Connection(TcpClient client)
    {
        public TcpClient Client { get; } = client;
        public Task Serving { get; set; } = Task.CompletedTask;
    }
}
