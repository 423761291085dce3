using FactoryPath.Edge.Configuration;
using FactoryPath.Edge.Model;

namespace FactoryPath.Edge.Gateway;

/// <summary>Makes the source that reads one configured device (Modbus TCP, plain JSON over MQTT, Sparkplug B).</summary>
public interface ITagSourceFactory
{
    ITagSource Create(DeviceConfig device, IReadOnlyList<TagConfig> tags);
}
