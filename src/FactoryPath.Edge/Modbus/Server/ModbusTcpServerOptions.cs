using System.Net;

namespace FactoryPath.Edge.Modbus.Server;

/// <summary>Where and how a <see cref="ModbusTcpServer"/> listens.</summary>
public sealed record ModbusTcpServerOptions
{
    /// <summary>Address to bind; loopback by default, <see cref="IPAddress.Any"/> to serve other hosts.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>TCP port; 0 picks a free one (read it back from <see cref="ModbusTcpServer.Port"/>).</summary>
    public int Port { get; init; }

    /// <summary>Clients served at once; a connection beyond this is closed at once.</summary>
    public int MaxConnections { get; init; } = 64;

    /// <summary>Time allowed between the first byte of a frame and its last; a slower frame drops the connection.</summary>
    public TimeSpan FrameTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public void Validate()
    {
        if (Port is < 0 or > 65_535)
        {
            throw new ArgumentOutOfRangeException(nameof(Port), Port, "Port must be 0–65535 (0 picks a free port).");
        }

        if (MaxConnections < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxConnections), MaxConnections, "At least one connection must be allowed.");
        }

        if (FrameTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(FrameTimeout), FrameTimeout, "The frame timeout must be positive.");
        }
    }
}
