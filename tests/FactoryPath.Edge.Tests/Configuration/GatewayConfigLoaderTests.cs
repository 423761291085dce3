using FactoryPath.Edge.Configuration;
using FactoryPath.Edge.Model;

namespace FactoryPath.Edge.Tests.Configuration;

public sealed class GatewayConfigLoaderTests
{
    private const string Valid = """
        gateway:
          id: gw-ningbo-1
          name: 宁波一厂网关
        store:
          path: data/store.duckdb
          samples: 3d
        uplink:
          host: platform.example.cn
          port: 8883
          tls: true
          password: ${FP_TEST_GATEWAY_SECRET}
          maxJournal: 64MB
        equipment:
          - id: press-1
            path: acme/ningbo/moulding/line-1/press-1
            name: 注塑机 1
            kind: injection-moulding
          - id: manual-saw
            path: acme/ningbo/moulding/line-1/saw
            digital: false
        devices:
          - name: press-plc
            protocol: modbus-tcp
            host: 192.168.1.20
            unit: 3
            poll: 500ms
            maxRegistersPerRead: 100
          - name: line-broker
            protocol: mqtt-json
            host: 192.168.1.5
        tags:
          - id: press-1.state
            device: press-plc
            equipment: press-1
            role: state
            table: holding
            address: 0
          - id: press-1.good
            device: press-plc
            equipment: press-1
            role: good_count
            table: holding
            address: 2
            type: uint32
            byteOrder: CDAB
            deadband: 0.5
          - id: press-1.alarm
            device: press-plc
            equipment: press-1
            role: alarm
            table: coil
            address: 10
          - id: press-1.temp
            device: line-broker
            equipment: press-1
            role: temperature
            unit: °C
            topic: plant/press-1/temp
            value: data.celsius
            scale: 0.1
        """;

    private static GatewayConfig Load(string yaml) => GatewayConfigLoader.Parse(yaml, "edge.yaml", "/srv/edge");

    private static IReadOnlyList<ConfigError> Errors(string yaml) =>
        Assert.Throws<ConfigException>(() => Load(yaml)).Errors;

    [Fact]
    public void ValidFile_IsReadWithDefaultsAndEnvironmentSecrets()
    {
        Environment.SetEnvironmentVariable("FP_TEST_GATEWAY_SECRET", "s3cret");
        var config = Load(Valid);

        Assert.Equal("gw-ningbo-1", config.Gateway.Id);
        Assert.Equal("/srv/edge/data/store.duckdb", config.Store.Path);
        Assert.Equal(TimeSpan.FromDays(3), config.Store.SampleRetention);
        Assert.Equal("s3cret", config.Uplink!.Password);
        Assert.Equal(64L * 1024 * 1024, config.Uplink.MaxJournalBytes);
        Assert.Equal("/srv/edge/journal", config.Uplink.JournalPath);
        var plc = config.Devices[0];
        Assert.Equal((byte)3, plc.UnitId);
        Assert.Equal(502, plc.Port);
        Assert.Equal(TimeSpan.FromMilliseconds(500), plc.Poll);
        Assert.Equal(100, plc.MaxRegistersPerRead);
        var good = config.Tags.Single(t => t.Id == "press-1.good");
        Assert.Equal(("uint32", "CDAB", 2, TagRole.GoodCount), (good.Type, good.ByteOrder, good.Registers, good.Role));
        Assert.Equal(("uint16", "ABCD"), (config.Tags[0].Type, config.Tags[0].ByteOrder));
        Assert.Equal("bool", config.Tags.Single(t => t.Id == "press-1.alarm").Type);
        var temp = config.Tags.Single(t => t.Id == "press-1.temp");
        Assert.Equal(("plant/press-1/temp", "data.celsius", 0.1), (temp.Topic, temp.ValuePath, temp.Scale));
        Assert.Equal(0.5, good.Deadband);
        Assert.Equal("acme/ningbo/moulding/line-1/press-1", config.InfoOf(temp).Path.ToString());
        Assert.False(config.Equipment[1].Digital);
        Assert.Equal("saw", config.Equipment[1].Name);
    }

    [Fact]
    public void Store_OutageBufferAndWriteRetry_AreRead_AndDefaultWhenAbsent()
    {
        Environment.SetEnvironmentVariable("FP_TEST_GATEWAY_SECRET", "s3cret");
        var defaults = Load(Valid).Store;
        Assert.Equal((2_000_000, TimeSpan.FromSeconds(2)), (defaults.OutageBufferSamples, defaults.WriteRetryInterval));

        var set = Load(ReplaceFirst(Valid, "samples: 3d", "samples: 3d\n  outageBuffer: 50000\n  writeRetry: 500ms")).Store;

        Assert.Equal((50_000, TimeSpan.FromMilliseconds(500)), (set.OutageBufferSamples, set.WriteRetryInterval));
    }

    [Theory]
    [InlineData("device: press-plc\n    equipment: press-1\n    role: state", "device: plc-9\n    equipment: press-1\n    role: state", 33, "unknown device 'plc-9' (devices: press-plc, line-broker)")]
    [InlineData("id: press-1.good", "id: press-1.state", 38, "tag 'press-1.state' is defined twice (first at line 32)")]
    [InlineData("address: 10", "address: 65536", 52, "'address' is 65536, outside 0–65535")]
    [InlineData("maxRegistersPerRead: 100", "maxRegistersPerRead: 126", 27, "one read holds at most 125 registers")]
    [InlineData("byteOrder: CDAB", "byteOrder: ACBD", 45, "'byteOrder' 'ACBD' is not one of ABCD, CDAB, BADC, DCBA")]
    [InlineData("role: alarm", "role: alarms", 50, "role 'alarms' is not one of state, good_count")]
    [InlineData("poll: 500ms", "poll: 5 seconds", 26, "'poll' '5 seconds' is not a duration")]
    [InlineData("path: acme/ningbo/moulding/line-1/saw", "path: acme/saw", 19, "an asset path is enterprise/site/area/line[/cell]/equipment")]
    [InlineData("    address: 0\n", "    address: 0\n    colour: red\n", 38, "unknown key 'colour'")]
    [InlineData("address: 2\n    type: uint32", "address: 65535\n    type: uint32", 43, "runs past the last register 65535")]
    [InlineData("table: coil", "table: coil\n    type: int16", 52, "a coil holds one bit, so its type is bool")]
    [InlineData("scale: 0.1", "scale: 0.1\n    deadband: 1", 61, "'deadband' applies to Modbus tags only")]
    [InlineData("samples: 3d", "samples: 3d\n  outageBuffer: 100000001", 7, "'outageBuffer' is 100000001")]
    [InlineData("samples: 3d", "samples: 3d\n  outageBuffer: -1", 7, "'outageBuffer' is -1")]
    [InlineData("samples: 3d", "samples: 3d\n  writeRetry: 10m", 7, "store: 'writeRetry' 10m is outside")]
    public void Mistake_IsReportedAtItsLine(string find, string replace, int line, string message)
    {
        Environment.SetEnvironmentVariable("FP_TEST_GATEWAY_SECRET", "s3cret");
        Assert.Contains(find, Valid);
        var yaml = ReplaceFirst(Valid, find, replace);

        var error = Assert.Single(Errors(yaml));

        Assert.Contains(message, error.Message);
        Assert.Equal(line, error.Line);
        Assert.StartsWith($"edge.yaml:{line}:", error.ToString());
    }

    [Fact]
    public void SeveralMistakes_AreAllReported_InLineOrder()
    {
        var yaml = ReplaceFirst(ReplaceFirst(Valid, "unit: 3", "unit: 300"), "equipment: press-1\n    role: state", "equipment: press-9\n    role: state");
        Environment.SetEnvironmentVariable("FP_TEST_GATEWAY_SECRET", "s3cret");

        var errors = Errors(yaml);

        Assert.Equal(2, errors.Count);
        Assert.Contains("'unit' is 300, outside 0–255", errors[0].Message);
        Assert.Contains("unknown equipment 'press-9'", errors[1].Message);
    }

    [Fact]
    public void MissingEnvironmentVariable_IsAnError()
    {
        Environment.SetEnvironmentVariable("FP_TEST_GATEWAY_SECRET_UNSET", null);
        var error = Assert.Single(Errors(ReplaceFirst(Valid, "${FP_TEST_GATEWAY_SECRET}", "${FP_TEST_GATEWAY_SECRET_UNSET}")));

        Assert.Contains("environment variable FP_TEST_GATEWAY_SECRET_UNSET is not set", error.Message);
        Assert.Equal(11, error.Line);
    }

    [Fact]
    public void BrokenYaml_GivesThePositionOfTheSyntaxError()
    {
        var error = Assert.Single(Errors("gateway:\n  id: gw\n equipment: [\n"));

        Assert.Contains("not valid YAML", error.Message);
        Assert.True(error.Line >= 2);
    }

    [Fact]
    public void MissingFile_SaysSo()
    {
        var error = Assert.Single(Assert.Throws<ConfigException>(() => GatewayConfigLoader.Load("/nonexistent/edge.yaml")).Errors);

        Assert.Contains("cannot read the file", error.Message);
    }

    private static string ReplaceFirst(string text, string find, string replace)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        return text[..at] + replace + text[(at + find.Length)..];
    }
}
