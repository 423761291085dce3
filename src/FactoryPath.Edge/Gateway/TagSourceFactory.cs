using FactoryPath.Edge.Configuration;
using FactoryPath.Edge.Modbus.Options;
using FactoryPath.Edge.Modbus.Source;
using FactoryPath.Edge.Modbus.Values;
using FactoryPath.Edge.Model;
using FactoryPath.Edge.Mqtt;
using FactoryPath.Edge.Sparkplug;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FactoryPath.Edge.Gateway;

/// <summary>
/// Turns a configured device and its tags into the driver that reads them: Modbus TCP polling, plain JSON over MQTT (one
/// subscription per topic), or a Sparkplug B host subscription for the device's group.
/// </summary>
public sealed class TagSourceFactory(string gatewayId, ILoggerFactory? loggers = null) : ITagSourceFactory
{
    private readonly ILoggerFactory loggers = loggers ?? NullLoggerFactory.Instance;

    public ITagSource Create(DeviceConfig device, IReadOnlyList<TagConfig> tags) => device.Protocol switch
    {
        DeviceConfig.ModbusTcp => new ModbusTagSource(Modbus(device, tags), loggers.CreateLogger<ModbusTagSource>()),
        DeviceConfig.MqttJson => new MqttJsonSource(device.Name, Json(device, tags), loggers.CreateLogger<MqttJsonSource>()),
        DeviceConfig.SparkplugB => new SparkplugSource(device.Name, Sparkplug(device, tags), loggers.CreateLogger<SparkplugSource>()),
        _ => throw new ArgumentException($"device '{device.Name}' has the unknown protocol '{device.Protocol}'", nameof(device)),
    };

    public static ModbusDeviceOptions Modbus(DeviceConfig device, IReadOnlyList<TagConfig> tags) => new()
    {
        Name = device.Name,
        Host = device.Host,
        Port = device.Port,
        UnitId = device.UnitId,
        PollInterval = device.Poll,
        Timeout = device.Timeout,
        MaxRegistersPerRead = device.MaxRegistersPerRead,
        MaxCoilsPerRead = device.MaxCoilsPerRead,
        MaxGap = device.MaxGap,
        Tags = tags.Select(t => new ModbusTagOptions
        {
            Id = t.Id,
            Table = t.Table switch
            {
                "coil" => ModbusTable.Coil,
                "discrete" => ModbusTable.DiscreteInput,
                "input" => ModbusTable.InputRegister,
                _ => ModbusTable.HoldingRegister,
            },
            Address = t.Address,
            DataType = t.Type switch
            {
                "bool" => ModbusDataType.Bool,
                "int16" => ModbusDataType.Int16,
                "int32" => ModbusDataType.Int32,
                "uint32" => ModbusDataType.UInt32,
                "float32" => ModbusDataType.Float32,
                "float64" => ModbusDataType.Float64,
                "bit" => ModbusDataType.BitInRegister,
                _ => ModbusDataType.UInt16,
            },
            ByteOrder = Enum.Parse<ModbusByteOrder>(t.ByteOrder ?? device.ByteOrder),
            Bit = t.Bit,
            Scale = t.Scale,
            Offset = t.Offset,
            Deadband = t.Deadband,
        }).ToList(),
    };

    public MqttJsonOptions Json(DeviceConfig device, IReadOnlyList<TagConfig> tags) => new()
    {
        Broker = Broker(device),
        Subscriptions = tags.GroupBy(t => t.Topic!, StringComparer.Ordinal)
            .Select(topic => new JsonSubscriptionOptions
            {
                TopicFilter = topic.Key,
                Tags = topic.Select(t => new JsonTagMapping(t.Id, t.ValuePath!, t.TimestampPath, Scale: t.Scale, Offset: t.Offset)).ToList(),
            })
            .ToList(),
    };

    public SparkplugOptions Sparkplug(DeviceConfig device, IReadOnlyList<TagConfig> tags) => new()
    {
        Broker = Broker(device),
        GroupIds = [device.SparkplugGroup!],
        Mappings = tags.Select(t => new SparkplugTagMapping(device.SparkplugGroup!, t.SparkplugNode!, t.SparkplugDevice, t.Metric!, t.Id)).ToList(),
        NodeTagRule = null,
        DeviceTagRule = null,
    };

    private MqttBrokerOptions Broker(DeviceConfig device) => new()
    {
        Host = device.Host,
        Port = device.Port,
        ClientId = device.ClientId ?? $"{gatewayId}-{device.Name}",
        UserName = device.User,
        Password = device.Password,
        UseTls = device.Tls,
    };
}
