using FactoryPath.Edge.Uplink.Contracts;

namespace FactoryPath.Edge.Model;

/// <summary>
/// Something the gateway reads tags from: one Modbus device, one MQTT subscription (plain JSON or Sparkplug B). It
/// runs until cancelled, puts every reading into the sink, reconnects by itself, and never throws for a device or
/// network fault (it counts the error, marks its tags bad and tries again).
/// </summary>
public interface ITagSource : IAsyncDisposable
{
    /// <summary>The name the configuration gives the source (unique within a gateway).</summary>
    string Name { get; }

    /// <summary>"modbus-tcp", "mqtt-json" or "sparkplug-b".</summary>
    string Protocol { get; }

    Task RunAsync(ISampleSink sink, CancellationToken cancellationToken);

    /// <summary>Counters and state right now, for the gateway's health report.</summary>
    SourceHealth Health();
}
