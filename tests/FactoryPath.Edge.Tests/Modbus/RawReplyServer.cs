using System.Net;
using System.Net.Sockets;

namespace FactoryPath.Edge.Tests.Modbus;

/// <summary>
/// A loopback TCP server that reads Modbus requests and answers each with whatever <c>answer</c> returns for it
/// (request ADU and the number of the request on this server, from 1), so tests can send malformed replies. An answer of
/// null sends nothing (a silent device); <c>closeAfter</c> decides whether to hang up after the answer.
/// </summary>
internal sealed class RawReplyServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Func<byte[], int, byte[]?> answer;
    private readonly Func<int, bool> closeAfter;
    private readonly Task accepting;
    private int requests;
    private int connections;

    public RawReplyServer(Func<byte[], int, byte[]?> answer, Func<int, bool>? closeAfter = null)
    {
        this.answer = answer;
        this.closeAfter = closeAfter ?? (_ => false);
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public int Connections => Volatile.Read(ref connections);

    /// <summary>A correct reply to a read-holding-registers request: register i holds its address.</summary>
    public static byte[] Registers(byte[] request)
    {
        var address = (request[8] << 8) | request[9];
        var count = (request[10] << 8) | request[11];
        var reply = new byte[9 + (count * 2)];
        Array.Copy(request, reply, 4);
        reply[5] = (byte)(3 + (count * 2));
        reply[6] = request[6];
        reply[7] = request[7];
        reply[8] = (byte)(count * 2);
        for (var i = 0; i < count; i++)
        {
            reply[9 + (i * 2)] = (byte)((address + i) >> 8);
            reply[10 + (i * 2)] = (byte)(address + i);
        }

        return reply;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // stopped
        }

        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            var socket = await listener.AcceptSocketAsync(stop.Token);
            Interlocked.Increment(ref connections);
            _ = ServeAsync(socket);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using (socket)
        {
            try
            {
                while (true)
                {
                    var header = new byte[7];
                    if (!await ReadExactlyAsync(socket, header))
                    {
                        return;
                    }

                    var body = new byte[((header[4] << 8) | header[5]) - 1];
                    if (!await ReadExactlyAsync(socket, body))
                    {
                        return;
                    }

                    var number = Interlocked.Increment(ref requests);
                    var reply = answer([.. header, .. body], number);
                    if (reply is not null)
                    {
                        await socket.SendAsync(reply, SocketFlags.None, stop.Token);
                    }

                    if (closeAfter(number))
                    {
                        socket.Shutdown(SocketShutdown.Both);
                        return;
                    }
                }
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // the client went away or the server stops
            }
        }
    }

    private async Task<bool> ReadExactlyAsync(Socket socket, byte[] buffer)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await socket.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None, stop.Token);
            if (n == 0)
            {
                return false;
            }

            read += n;
        }

        return true;
    }
}
