using FactoryPath.Edge.Mqtt;
using FactoryPath.Edge.Sparkplug;

namespace FactoryPath.Edge.Tests.Mqtt;

public sealed class OptionsValidationTests
{
    private static readonly MqttBrokerOptions Broker = new() { Host = "127.0.0.1", ClientId = "gw" };

    [Fact]
    public void ValidOptions_HaveNoErrors()
    {
        Assert.Empty(Broker.Validate());
        Assert.Empty(new MqttJsonOptions { Broker = Broker, Subscriptions = [new() { TopicFilter = "a/+", Tags = [new("{2}", "v")] }] }.Validate());
        Assert.Empty(new SparkplugOptions { Broker = Broker, GroupIds = ["g"], PrimaryHostId = "h", Mappings = [new("g", "n", "d", "m", "t")] }.Validate());
    }

    [Theory]
    [InlineData("", 1883, "gw", null, null, 30, "broker.host is required")]
    [InlineData("h", 0, "gw", null, null, 30, "broker.port 0 is outside 1-65535")]
    [InlineData("h", 1883, "", null, null, 30, "broker.client_id is required")]
    [InlineData("h", 1883, "a/b", null, null, 30, "broker.client_id 'a/b' contains")]
    [InlineData("h", 1883, "gw", null, "secret", 30, "broker.password is given without broker.user_name")]
    [InlineData("h", 1883, "gw", "u", null, 0, "broker.keep_alive")]
    [InlineData("h", 1883, "gw", "u", null, 70000, "broker.keep_alive")]
    public void BrokerOptions_NameTheBadField(string host, int port, string clientId, string? user, string? password, int keepAlive, string expected)
    {
        var errors = new MqttBrokerOptions { Host = host, Port = port, ClientId = clientId, UserName = user, Password = password, KeepAlive = TimeSpan.FromSeconds(keepAlive) }.Validate();

        Assert.Contains(errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void JsonOptions_NameEachBadMapping()
    {
        var options = new MqttJsonOptions
        {
            Broker = Broker,
            Subscriptions =
            [
                new() { TopicFilter = "a/#/b", Qos = 2, Tags = [] },
                new()
                {
                    TopicFilter = "x/+",
                    Tags = [new("{3}", "v"), new("t", "a..b"), new("t", "v", TimestampPath: "[x]"), new("u", "v", Scale: 0), new("w", "v", Offset: double.NaN)],
                },
            ],
        };

        var errors = options.Validate();

        Assert.Contains("subscriptions[0].topic: topic filter 'a/#/b': '#' must be a whole level and the last one", errors);
        Assert.Contains("subscriptions[0].qos 2: only 0 and 1 are supported", errors);
        Assert.Contains("subscriptions[0].tags: at least one tag mapping is required", errors);
        Assert.Contains("subscriptions[1].tags[0].tag '{3}' uses level {3} but topic filter 'x/+' has 2 levels", errors);
        Assert.Contains(errors, e => e.StartsWith("subscriptions[1].tags[1].value: JSON path 'a..b'", StringComparison.Ordinal));
        Assert.Contains("subscriptions[1].tags[2].tag 't' is already mapped at subscriptions[1].tags[1]", errors);
        Assert.Contains(errors, e => e.StartsWith("subscriptions[1].tags[2].timestamp:", StringComparison.Ordinal));
        Assert.Contains("subscriptions[1].tags[3].scale 0 must be a finite non-zero number", errors);
        Assert.Contains("subscriptions[1].tags[4].offset NaN must be a finite number", errors);
    }

    [Fact]
    public void JsonOptions_WithoutSubscriptions_SayNeedOne()
    {
        Assert.Contains("subscriptions: at least one subscription is required", new MqttJsonOptions { Broker = Broker }.Validate());
    }

    [Fact]
    public void SparkplugOptions_NameEachBadField()
    {
        var options = new SparkplugOptions
        {
            Broker = Broker,
            GroupIds = ["g", "g", "a/b", "STATE"],
            EdgeNodeIds = ["n+"],
            PrimaryHostId = "h#",
            NodeTagRule = "{node}",
            DeviceTagRule = "{node}/{dev}/{metric}",
            Mappings = [new("other", "n", null, "m", "t"), new("g", "n", null, "m", "t"), new("g", "n", null, "m", "t2")],
        };

        var errors = options.Validate();

        Assert.Contains("sparkplug.group_ids contains a group twice", errors);
        Assert.Contains("sparkplug.group_ids[2] 'a/b' contains '/', '+' or '#'", errors);
        Assert.Contains("sparkplug.group_ids[3] 'STATE' is reserved for host application state", errors);
        Assert.Contains("sparkplug.edge_node_ids[0] 'n+' contains '/', '+' or '#'", errors);
        Assert.Contains("sparkplug.primary_host_id 'h#' contains '/', '+' or '#'", errors);
        Assert.Contains("sparkplug.node_tag_rule '{node}' lacks {metric}, so every metric would get the same tag id", errors);
        Assert.Contains(errors, e => e.StartsWith("sparkplug.device_tag_rule '{node}/{dev}/{metric}': the placeholders here are", StringComparison.Ordinal));
        Assert.Contains("sparkplug.mappings[0].group 'other' is not one of sparkplug.group_ids", errors);
        Assert.Contains("sparkplug.mappings[1].tag 't' is already mapped by sparkplug.mappings[0]", errors);
        Assert.Contains("sparkplug.mappings[2] maps the same metric as sparkplug.mappings[1]", errors);
    }

    [Fact]
    public void SparkplugOptions_WithoutGroups_SayNeedOne()
    {
        Assert.Contains("sparkplug.group_ids: at least one group id is required", new SparkplugOptions { Broker = Broker }.Validate());
    }

    [Fact]
    public void Sources_RefuseInvalidOptions_ListingTheProblems()
    {
        var e = Assert.Throws<ArgumentException>(() => new MqttJsonSource("line", new MqttJsonOptions()));
        Assert.Contains("broker.host is required", e.Message);
        Assert.Contains("subscriptions: at least one subscription is required", e.Message);
        Assert.Throws<ArgumentException>(() => new SparkplugSource("sp", new SparkplugOptions { Broker = Broker }));
    }
}
