using FactoryPath.Edge.Model;

namespace FactoryPath.Edge.Configuration;

/// <summary>
/// One gateway's configuration, as read from its YAML file (<see cref="GatewayConfigLoader"/>): who it is, where it
/// keeps data, where it sends rollups, the equipment it knows, the devices it reads and the tags on them.
/// </summary>
public sealed record GatewayConfig(
    GatewayIdentity Gateway,
    StoreConfig Store,
    UplinkConfig? Uplink,
    IReadOnlyList<EquipmentConfig> Equipment,
    IReadOnlyList<DeviceConfig> Devices,
    IReadOnlyList<TagConfig> Tags)
{
    /// <summary>The factory's shifts and planned stops, when the file has a <c>calendar</c> section (for shift KPIs).</summary>
    public Kpi.ShiftCalendar? Calendar { get; init; }

    /// <summary>The local dashboard page, when the file has a <c>web</c> section.</summary>
    public LocalPageConfig? Web { get; init; }

    /// <summary>This factory's names of down-time reason codes (<c>downReasons</c>), over the defaults.</summary>
    public IReadOnlyDictionary<int, Kpi.Dashboard.ReasonName>? DownReasons { get; init; }

    /// <summary>The <c>kpi</c> section: state codes, the silence gap and the largest clock skew (defaults when absent).</summary>
    public Kpi.KpiSettings KpiSettings { get; init; } = Kpi.KpiSettings.Default;

    /// <summary>Things worth knowing that do not stop the gateway (e.g. a machine that gets no KPIs), as file:line:column.</summary>
    public IReadOnlyList<ConfigError> Warnings { get; init; } = [];

    /// <summary>The equipment that gets KPIs: it has a state tag and an ideal cycle time.</summary>
    public IReadOnlyList<EquipmentConfig> KpiEquipment =>
        Equipment.Where(e => e.IdealCycleTime is not null && Tags.Any(t => t.Equipment == e.Id && t.Role == TagRole.State)).ToList();

    /// <summary>The tag's place and meaning, from its equipment.</summary>
    public TagInfo InfoOf(TagConfig tag) =>
        new(tag.Id, Equipment.First(e => e.Id == tag.Equipment).Path, tag.Role, tag.Unit);

    public IReadOnlyList<TagConfig> TagsOf(DeviceConfig device) => Tags.Where(t => t.Device == device.Name).ToList();
}

public sealed record GatewayIdentity(string Id, string Name);

/// <summary>The local DuckDB store: its file and how long each kind of data is kept.</summary>
public sealed record StoreConfig(string Path, TimeSpan SampleRetention, TimeSpan MinuteRollupRetention, TimeSpan HourRollupRetention)
{
    /// <summary>Samples held in memory while the store cannot write (a full disk); beyond it the oldest are dropped and counted as lost.</summary>
    public int OutageBufferSamples { get; init; } = 2_000_000;

    /// <summary>How often a failed write is tried again while samples are held.</summary>
    public TimeSpan WriteRetryInterval { get; init; } = TimeSpan.FromSeconds(2);
}

/// <summary>The platform's MQTT broker; the user name is the gateway id, the password the secret the platform issued.</summary>
public sealed record UplinkConfig(string Host, int Port, bool Tls, string? Password, string JournalPath, long MaxJournalBytes, TimeSpan HealthInterval);

/// <summary>A piece of production equipment: its ISA-95 path, and whether it is digital (has a controller or digital interface).</summary>
public sealed record EquipmentConfig(string Id, AssetPath Path, string Name, string? Kind, bool Digital)
{
    /// <summary>The ideal (planned) time to make one unit; KPIs are computed for equipment with one and a state tag.</summary>
    public TimeSpan? IdealCycleTime { get; init; }
}

/// <summary>A device or broker the gateway reads from. Which fields matter depends on <see cref="Protocol"/>.</summary>
public sealed record DeviceConfig(string Name, string Protocol, string Host, int Port)
{
    public const string ModbusTcp = "modbus-tcp";
    public const string MqttJson = "mqtt-json";
    public const string SparkplugB = "sparkplug-b";

    public static readonly IReadOnlyList<string> Protocols = [ModbusTcp, MqttJson, SparkplugB];

    // Modbus TCP
    public byte UnitId { get; init; } = 1;
    public TimeSpan Poll { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);
    public int MaxRegistersPerRead { get; init; } = 125;
    public int MaxCoilsPerRead { get; init; } = 2000;
    public int MaxGap { get; init; } = 8;
    public string ByteOrder { get; init; } = "ABCD";

    // MQTT (plain JSON and Sparkplug B)
    public string? ClientId { get; init; }
    public string? User { get; init; }
    public string? Password { get; init; }
    public bool Tls { get; init; }
    public string? SparkplugGroup { get; init; }
}

/// <summary>
/// A tag: which device it is read from and how, which equipment it belongs to, what it means, and how to turn the raw
/// reading into the value (value × scale + offset; a new sample only when it moves more than the deadband).
/// </summary>
public sealed record TagConfig(string Id, string Device, string Equipment, TagRole Role)
{
    public string? Unit { get; init; }
    public double Scale { get; init; } = 1;
    public double Offset { get; init; }
    public double Deadband { get; init; }

    // Modbus TCP: table (coil, discrete, holding, input), 0-based address, type, byte order, bit
    public string? Table { get; init; }
    public int Address { get; init; }
    public string? Type { get; init; }
    public string? ByteOrder { get; init; }
    public int? Bit { get; init; }

    // plain JSON over MQTT: the topic filter and where the value (and optionally the time) is in the payload
    public string? Topic { get; init; }
    public string? ValuePath { get; init; }
    public string? TimestampPath { get; init; }

    // Sparkplug B: edge node, optional device, metric name
    public string? SparkplugNode { get; init; }
    public string? SparkplugDevice { get; init; }
    public string? Metric { get; init; }

    /// <summary>Registers this tag spans (0 for coils and discrete inputs).</summary>
    public int Registers => Type switch
    {
        "int32" or "uint32" or "float32" => 2,
        "float64" => 4,
        "bool" => 0,
        _ => 1,
    };
}
