using FactoryPath.Edge.Configuration.Yaml;
using FactoryPath.Edge.Model;
using YamlDotNet.RepresentationModel;

namespace FactoryPath.Edge.Configuration;

/// <summary>
/// Reads a gateway's YAML file and checks all of it, reporting every problem with file:line:column — unknown keys,
/// unknown devices or equipment, duplicate tags, addresses out of range, reads larger than the protocol allows, bad
/// byte orders. Relative paths (store, journal) are taken relative to the file's folder. ${NAME} is replaced by the
/// environment variable NAME, so the uplink secret need not be written in the file.
/// </summary>
public static class GatewayConfigLoader
{
    private static readonly string[] Tables = ["coil", "discrete", "holding", "input"];
    private static readonly string[] Types = ["bool", "int16", "uint16", "int32", "uint32", "float32", "float64", "bit"];
    private static readonly string[] ByteOrders = ["ABCD", "CDAB", "BADC", "DCBA"];

    /// <summary>Loads and checks <paramref name="path"/>; throws <see cref="ConfigException"/> with every error.</summary>
    public static GatewayConfig Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException([new ConfigError(path, 1, 1, $"cannot read the file: {e.Message}")]);
        }

        return Parse(text, path, Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
    }

    /// <summary>Checks <paramref name="text"/> as if read from <paramref name="fileName"/>; relative paths resolve against <paramref name="baseFolder"/>.</summary>
    public static GatewayConfig Parse(string text, string fileName, string baseFolder)
    {
        var yaml = new YamlConfigReader(fileName);
        var config = yaml.Root(text) is { } root ? Read(yaml, root, baseFolder) : null;
        if (yaml.Errors.Count > 0 || config is null)
        {
            throw new ConfigException(yaml.Errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToList());
        }

        return config;
    }

    private static GatewayConfig? Read(YamlConfigReader yaml, YamlMappingNode root, string baseFolder)
    {
        yaml.OnlyKeys(root, "the file", "gateway", "store", "uplink", "calendar", "kpi", "equipment", "devices", "tags", "web", "downReasons");
        var gateway = ReadGateway(yaml, root);
        var store = ReadStore(yaml, root, baseFolder, gateway?.Id ?? "gateway");
        var uplink = ReadUplink(yaml, root, baseFolder);
        var equipment = ReadEquipment(yaml, root);
        var devices = ReadDevices(yaml, root);
        var tags = ReadTags(yaml, root, devices, equipment);
        var calendar = CalendarConfigReader.Read(yaml, root);
        var web = LocalPageConfigReader.ReadWeb(yaml, root);
        var downReasons = LocalPageConfigReader.ReadDownReasons(yaml, root);
        var kpi = KpiConfigReader.Read(yaml, root);
        var warnings = KpiConfigReader.Warnings(yaml.File, root, equipment, tags, calendar);
        return gateway is null ? null : new GatewayConfig(gateway, store, uplink, equipment, devices, tags) { Calendar = calendar, KpiSettings = kpi, Warnings = warnings, Web = web, DownReasons = downReasons };
    }

    private static GatewayIdentity? ReadGateway(YamlConfigReader yaml, YamlMappingNode root)
    {
        if (yaml.Node(root, "gateway") is not { } node)
        {
            yaml.Error(root, "the file is missing 'gateway' (with its id)");
            return null;
        }

        if (yaml.Mapping(node, "gateway") is not { } map)
        {
            return null;
        }

        yaml.OnlyKeys(map, "gateway", "id", "name");
        var id = yaml.Name(map, "id", "gateway");
        var name = yaml.String(map, "name", "gateway", required: false);
        return id is null ? null : new GatewayIdentity(id, name ?? id);
    }

    private static StoreConfig ReadStore(YamlConfigReader yaml, YamlMappingNode root, string baseFolder, string gatewayId)
    {
        var defaults = new StoreConfig(Path.Combine(baseFolder, $"{gatewayId}.duckdb"), TimeSpan.FromDays(7), TimeSpan.FromDays(90), TimeSpan.FromDays(1095));
        if (yaml.Node(root, "store") is not { } node || yaml.Mapping(node, "store") is not { } map)
        {
            return defaults;
        }

        yaml.OnlyKeys(map, "store", "path", "samples", "minuteRollups", "hourRollups", "outageBuffer", "writeRetry");
        var path = yaml.String(map, "path", "store", required: false);
        var max = TimeSpan.FromDays(3650);
        return new StoreConfig(
            path is null ? defaults.Path : Path.GetFullPath(path, baseFolder),
            yaml.Duration(map, "samples", "store", TimeSpan.FromHours(1), max) ?? defaults.SampleRetention,
            yaml.Duration(map, "minuteRollups", "store", TimeSpan.FromHours(1), max) ?? defaults.MinuteRollupRetention,
            yaml.Duration(map, "hourRollups", "store", TimeSpan.FromDays(1), max) ?? defaults.HourRollupRetention)
        {
            // the bounds of LocalStoreOptions.Validate
            OutageBufferSamples = (int)(yaml.Integer(map, "outageBuffer", "store", 0, 100_000_000) ?? defaults.OutageBufferSamples),
            WriteRetryInterval = yaml.Duration(map, "writeRetry", "store", TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5)) ?? defaults.WriteRetryInterval,
        };
    }

    private static UplinkConfig? ReadUplink(YamlConfigReader yaml, YamlMappingNode root, string baseFolder)
    {
        if (yaml.Node(root, "uplink") is not { } node || yaml.Mapping(node, "uplink") is not { } map)
        {
            return null;
        }

        yaml.OnlyKeys(map, "uplink", "host", "port", "tls", "password", "journal", "maxJournal", "health");
        var host = yaml.String(map, "host", "uplink") ?? "localhost";
        var journal = yaml.String(map, "journal", "uplink", required: false);
        return new UplinkConfig(
            host,
            (int)(yaml.Integer(map, "port", "uplink", 1, 65535) ?? 1883),
            yaml.Bool(map, "tls", "uplink") ?? false,
            yaml.String(map, "password", "uplink", required: false),
            Path.GetFullPath(journal ?? "journal", baseFolder),
            yaml.Size(map, "maxJournal", "uplink", 1024 * 1024, 64L * 1024 * 1024 * 1024) ?? 512L * 1024 * 1024,
            yaml.Duration(map, "health", "uplink", TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10)) ?? TimeSpan.FromSeconds(5));
    }

    private static List<EquipmentConfig> ReadEquipment(YamlConfigReader yaml, YamlMappingNode root)
    {
        var result = new List<EquipmentConfig>();
        var ids = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var paths = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var node in yaml.Sequence(root, "equipment", "the file", required: true))
        {
            if (yaml.Mapping(node, "an equipment entry") is not { } map)
            {
                continue;
            }

            yaml.OnlyKeys(map, "equipment", "id", "path", "name", "kind", "digital", "idealCycleTime");
            var id = yaml.Name(map, "id", "equipment");
            var what = id is null ? "equipment" : $"equipment '{id}'";
            var pathText = yaml.String(map, "path", what);
            AssetPath? path = null;
            if (pathText is not null)
            {
                path = AssetPath.TryParse(pathText, out var error);
                if (path is null)
                {
                    yaml.Error(yaml.Node(map, "path")!, $"{what}: {error}");
                }
            }

            var name = yaml.String(map, "name", what, required: false);
            var kind = yaml.String(map, "kind", what, required: false);
            var digital = yaml.Bool(map, "digital", what) ?? true;
            var cycle = yaml.Duration(map, "idealCycleTime", what, TimeSpan.FromMilliseconds(1), TimeSpan.FromDays(1));
            if (id is null || path is null)
            {
                continue;
            }

            if (ids.TryGetValue(id, out var first))
            {
                yaml.Error(map, $"equipment '{id}' is defined twice (first at line {first.Start.Line})");
                continue;
            }

            if (paths.TryGetValue(path.ToString(), out var same))
            {
                yaml.Error(yaml.Node(map, "path")!, $"{what}: path '{path}' is already used by the equipment at line {same.Start.Line}");
                continue;
            }

            ids[id] = map;
            paths[path.ToString()] = map;
            result.Add(new EquipmentConfig(id, path, name ?? path.Equipment, kind, digital) { IdealCycleTime = cycle });
        }

        return result;
    }

    private static List<DeviceConfig> ReadDevices(YamlConfigReader yaml, YamlMappingNode root)
    {
        var result = new List<DeviceConfig>();
        var names = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var node in yaml.Sequence(root, "devices", "the file"))
        {
            if (yaml.Mapping(node, "a device") is not { } map)
            {
                continue;
            }

            var name = yaml.Name(map, "name", "device");
            var what = name is null ? "device" : $"device '{name}'";
            var protocol = yaml.Choice(map, "protocol", what, DeviceConfig.Protocols, required: true);
            var device = protocol switch
            {
                DeviceConfig.ModbusTcp => ReadModbusDevice(yaml, map, name, what),
                DeviceConfig.MqttJson or DeviceConfig.SparkplugB => ReadMqttDevice(yaml, map, name, what, protocol),
                _ => null,
            };
            if (name is null || device is null)
            {
                continue;
            }

            if (names.TryGetValue(name, out var first))
            {
                yaml.Error(map, $"device '{name}' is defined twice (first at line {first.Start.Line})");
                continue;
            }

            names[name] = map;
            result.Add(device);
        }

        return result;
    }

    private static DeviceConfig? ReadModbusDevice(YamlConfigReader yaml, YamlMappingNode map, string? name, string what)
    {
        yaml.OnlyKeys(map, what, "name", "protocol", "host", "port", "unit", "poll", "timeout", "maxRegistersPerRead", "maxCoilsPerRead", "maxGap", "byteOrder");
        var host = yaml.String(map, "host", what);
        var port = yaml.Integer(map, "port", what, 1, 65535) ?? 502;
        var unit = yaml.Integer(map, "unit", what, 0, 255) ?? 1;
        var poll = yaml.Duration(map, "poll", what, TimeSpan.FromMilliseconds(50), TimeSpan.FromHours(1)) ?? TimeSpan.FromSeconds(1);
        var timeout = yaml.Duration(map, "timeout", what, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(1)) ?? TimeSpan.FromSeconds(2);
        var registers = ReadLimit(yaml, map, "maxRegistersPerRead", what, 125, "registers", "Modbus Application Protocol V1.1b3, 6.3: at most 125 registers per read");
        var coils = ReadLimit(yaml, map, "maxCoilsPerRead", what, 2000, "coils", "Modbus Application Protocol V1.1b3, 6.1: at most 2000 coils per read");
        var gap = yaml.Integer(map, "maxGap", what, 0, 124) ?? 8;
        var order = yaml.Choice(map, "byteOrder", what, ByteOrders) ?? "ABCD";
        return name is null || host is null
            ? null
            : new DeviceConfig(name, DeviceConfig.ModbusTcp, host, (int)port)
            {
                UnitId = (byte)unit,
                Poll = poll,
                Timeout = timeout,
                MaxRegistersPerRead = registers,
                MaxCoilsPerRead = coils,
                MaxGap = (int)gap,
                ByteOrder = order,
            };
    }

    private static int ReadLimit(YamlConfigReader yaml, YamlMappingNode map, string key, string what, int limit, string unit, string rule)
    {
        if (yaml.Integer(map, key, what, 1, long.MaxValue) is not { } value)
        {
            return limit;
        }

        if (value > limit)
        {
            yaml.Error(yaml.Node(map, key)!, $"{what}: '{key}' is {value}, but one read holds at most {limit} {unit} ({rule})");
            return limit;
        }

        return (int)value;
    }

    private static DeviceConfig? ReadMqttDevice(YamlConfigReader yaml, YamlMappingNode map, string? name, string what, string protocol)
    {
        yaml.OnlyKeys(map, what, "name", "protocol", "host", "port", "clientId", "user", "password", "tls", "group");
        var host = yaml.String(map, "host", what);
        var port = yaml.Integer(map, "port", what, 1, 65535) ?? 1883;
        var group = yaml.Name(map, "group", what, required: protocol == DeviceConfig.SparkplugB);
        return name is null || host is null
            ? null
            : new DeviceConfig(name, protocol, host, (int)port)
            {
                ClientId = yaml.String(map, "clientId", what, required: false),
                User = yaml.String(map, "user", what, required: false),
                Password = yaml.String(map, "password", what, required: false),
                Tls = yaml.Bool(map, "tls", what) ?? false,
                SparkplugGroup = group,
            };
    }

    private static List<TagConfig> ReadTags(YamlConfigReader yaml, YamlMappingNode root, List<DeviceConfig> devices, List<EquipmentConfig> equipment)
    {
        var result = new List<TagConfig>();
        var ids = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var node in yaml.Sequence(root, "tags", "the file"))
        {
            if (yaml.Mapping(node, "a tag") is not { } map)
            {
                continue;
            }

            var id = yaml.Name(map, "id", "tag");
            var what = id is null ? "tag" : $"tag '{id}'";
            var deviceName = yaml.String(map, "device", what);
            var equipmentId = yaml.String(map, "equipment", what);
            var roleName = yaml.String(map, "role", what);
            var device = deviceName is null ? null : devices.FirstOrDefault(d => d.Name == deviceName);
            if (deviceName is not null && device is null)
            {
                yaml.Error(yaml.Node(map, "device")!, $"{what}: unknown device '{deviceName}' (devices: {Names(devices.Select(d => d.Name))})");
            }

            if (equipmentId is not null && equipment.All(e => e.Id != equipmentId))
            {
                yaml.Error(yaml.Node(map, "equipment")!, $"{what}: unknown equipment '{equipmentId}' (equipment: {Names(equipment.Select(e => e.Id))})");
            }

            TagRole? role = roleName is null ? null : TagRoles.Parse(roleName);
            if (roleName is not null && role is null)
            {
                yaml.Error(yaml.Node(map, "role")!, $"{what}: role '{roleName}' is not one of {string.Join(", ", TagRoles.Names)}");
            }

            var common = new[] { "id", "device", "equipment", "role", "unit", "scale", "offset", "deadband" };
            TagConfig? tag = device?.Protocol switch
            {
                DeviceConfig.ModbusTcp => ReadModbusTag(yaml, map, what, device, common),
                DeviceConfig.MqttJson => ReadJsonTag(yaml, map, what, common),
                DeviceConfig.SparkplugB => ReadSparkplugTag(yaml, map, what, common),
                _ => null,
            };
            var scale = yaml.Number(map, "scale", what) ?? 1;
            if (scale == 0)
            {
                yaml.Error(yaml.Node(map, "scale")!, $"{what}: 'scale' must not be 0");
            }

            var offset = yaml.Number(map, "offset", what) ?? 0;
            var deadband = yaml.Number(map, "deadband", what, 0) ?? 0;
            if (deadband > 0 && device is not null && device.Protocol != DeviceConfig.ModbusTcp)
            {
                // a broker pushes what the device sends; a deadband belongs where the gateway polls
                yaml.Error(yaml.Node(map, "deadband")!, $"{what}: 'deadband' applies to Modbus tags only (a {device.Protocol} device sends what it sends)");
            }

            var unit = yaml.String(map, "unit", what, required: false);
            if (id is null || tag is null || role is null || equipment.All(e => e.Id != equipmentId))
            {
                continue;
            }

            if (ids.TryGetValue(id, out var first))
            {
                yaml.Error(map, $"tag '{id}' is defined twice (first at line {first.Start.Line})");
                continue;
            }

            ids[id] = map;
            result.Add(tag with { Id = id, Device = device!.Name, Equipment = equipmentId!, Role = role.Value, Unit = unit, Scale = scale, Offset = offset, Deadband = deadband });
        }

        return result;
    }

    private static TagConfig? ReadModbusTag(YamlConfigReader yaml, YamlMappingNode map, string what, DeviceConfig device, string[] common)
    {
        yaml.OnlyKeys(map, what, [.. common, "table", "address", "type", "byteOrder", "bit"]);
        var table = yaml.Choice(map, "table", what, Tables, required: true);
        var address = yaml.Integer(map, "address", what, 0, 65535, required: true);
        var type = yaml.Choice(map, "type", what, Types) ?? (table is "coil" or "discrete" ? "bool" : "uint16");
        var order = yaml.Choice(map, "byteOrder", what, ByteOrders);
        var bit = yaml.Integer(map, "bit", what, 0, 15);
        if (table is null || address is null)
        {
            return null;
        }

        var ok = true;
        if (table is "coil" or "discrete" && type != "bool")
        {
            yaml.Error(yaml.Node(map, "type")!, $"{what}: a {table} holds one bit, so its type is bool, not {type}");
            ok = false;
        }

        if (table is "holding" or "input" && type == "bool")
        {
            yaml.Error(yaml.Node(map, "type")!, $"{what}: a {table} register is 16 bits; use type bit with 'bit: 0–15' for one of its bits");
            ok = false;
        }

        if (type == "bit" && bit is null)
        {
            yaml.Error(map, $"{what}: type bit needs 'bit' (0–15)");
            ok = false;
        }

        if (bit is not null && type != "bit")
        {
            yaml.Error(yaml.Node(map, "bit")!, $"{what}: 'bit' is only for type bit");
            ok = false;
        }

        var tag = new TagConfig("", device.Name, "", TagRole.Other) { Table = table, Address = (int)address, Type = type, ByteOrder = order ?? device.ByteOrder, Bit = (int?)bit };
        if (address + Math.Max(tag.Registers, 1) - 1 > 65535)
        {
            yaml.Error(yaml.Node(map, "address")!, $"{what}: a {type} at address {address} runs past the last register 65535");
            ok = false;
        }

        return ok ? tag : null;
    }

    private static TagConfig? ReadJsonTag(YamlConfigReader yaml, YamlMappingNode map, string what, string[] common)
    {
        yaml.OnlyKeys(map, what, [.. common, "topic", "value", "timestamp"]);
        var topic = yaml.String(map, "topic", what);
        var value = yaml.String(map, "value", what);
        var timestamp = yaml.String(map, "timestamp", what, required: false);
        if (topic is not null && (topic.Contains('#') || topic.Contains('+')))
        {
            yaml.Error(yaml.Node(map, "topic")!, $"{what}: 'topic' must be one topic, without the wildcards + and #");
            return null;
        }

        return topic is null || value is null ? null : new TagConfig("", "", "", TagRole.Other) { Topic = topic, ValuePath = value, TimestampPath = timestamp };
    }

    private static TagConfig? ReadSparkplugTag(YamlConfigReader yaml, YamlMappingNode map, string what, string[] common)
    {
        yaml.OnlyKeys(map, what, [.. common, "node", "sparkplugDevice", "metric"]);
        var node = yaml.String(map, "node", what);
        var device = yaml.String(map, "sparkplugDevice", what, required: false);
        var metric = yaml.String(map, "metric", what);
        return node is null || metric is null ? null : new TagConfig("", "", "", TagRole.Other) { SparkplugNode = node, SparkplugDevice = device, Metric = metric };
    }

    private static string Names(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count == 0 ? "none defined" : string.Join(", ", list);
    }
}
