using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace FactoryPath.Edge.Tests.Simulation;

/// <summary>A bare TCP socket for sending hand-made frames (valid or not) to a server under test.</summary>
internal sealed class RawModbusSocket : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public static async Task<RawModbusSocket> ConnectAsync(int port)
    {
        var raw = new RawModbusSocket();
        await raw._socket.ConnectAsync(IPAddress.Loopback, port);
        return raw;
    }

    public async Task SendAsync(params byte[] bytes) => await _socket.SendAsync(bytes.AsMemory(), SocketFlags.None);

    /// <summary>Sends a read-holding-registers frame and returns the register values of the answer.</summary>
    public async Task<ushort[]> ReadHoldingRegistersAsync(byte unit, ushort transaction, ushort address, ushort quantity)
    {
        await SendAsync([(byte)(transaction >> 8), (byte)transaction, 0, 0, 0, 6, unit, 3, (byte)(address >> 8), (byte)address, 0, (byte)quantity]);
        var header = await ReceiveExactlyAsync(7 + 2);
        Assert.Equal(transaction, BinaryPrimitives.ReadUInt16BigEndian(header));
        Assert.Equal(3, header[7]);
        var data = await ReceiveExactlyAsync(header[8]);
        return [.. Enumerable.Range(0, quantity).Select(i => BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(i * 2)))];
    }

    /// <summary>True once the server has closed the connection (a read returns end of stream or a reset).</summary>
    public async Task<bool> ClosedByPeerAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var buffer = new byte[256];
        try
        {
            while (true)
            {
                if (await _socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token) == 0)
                {
                    return true;
                }
            }
        }
        catch (SocketException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async Task<byte[]> ReceiveExactlyAsync(int count)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var buffer = new byte[count];
        var read = 0;
        while (read < count)
        {
            var n = await _socket.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None, timeout.Token);
            Assert.True(n > 0, $"connection closed after {read} of {count} bytes");
            read += n;
        }

        return buffer;
    }

    public void Dispose() => _socket.Dispose();
}
